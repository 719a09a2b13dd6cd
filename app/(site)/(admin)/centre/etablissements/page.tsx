import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { listCentreOrganisations } from "@/lib/organisations/list-centre-organisations";
import { CreateEstablishmentForm, NameManagerForm } from "./_components/admin-forms";
import { setSecondFactorRequirementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisationsAdmin"))("title") };
}

export default async function EstablishmentsAdminPage() {
  const actor = await requirePlatformAdminPage("/centre/etablissements");
  const [{ db }, t, tr, tf, tc] = await Promise.all([
    getDb(),
    getTranslations("organisationsAdmin"),
    getTranslations("regionReport"),
    getTranslations("secondFactor.setting"),
    getTranslations("phishingCampaigns"),
  ]);
  const list = await listCentreOrganisations(db, actor);
  const groups = list.filter((o) => o.kind === "group").map(({ id, name }) => ({ id, name }));
  const establishments = list.filter((o) => o.kind === "establishment").map(({ id, name }) => ({ id, name }));

  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/centre/tableau-de-bord">{tr("link")}</Link>
      </p>
      <p>
        <Link href="/centre/exercices">{tc("link")}</Link>
      </p>
      <div className="table-scroll">
        <table className="audit-table">
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("parent")}</th>
              <th scope="col">{t("finess")}</th>
              <th scope="col">{t("members")}</th>
              <th scope="col">{t("managers")}</th>
              <th scope="col">{tf("label")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row">{organisation.name}</th>
                <td>{t(`kinds.${organisation.kind as "group" | "establishment"}`)}</td>
                <td>{organisation.parentName}</td>
                <td>{organisation.finess ?? "—"}</td>
                <td>{organisation.members}</td>
                <td>{organisation.managers ?? "—"}</td>
                <td>
                  {organisation.kind === "establishment" ? (
                    <form action={setSecondFactorRequirementAction}>
                      {organisation.managersNeedSecondFactor ? tf("on") : tf("off")}{" "}
                      <input type="hidden" name="organisationId" value={organisation.id} />
                      <input type="hidden" name="required" value={String(!organisation.managersNeedSecondFactor)} />
                      <button type="submit" className="button button--quiet">
                        {organisation.managersNeedSecondFactor ? tf("turnOff") : tf("turnOn")}
                        <span className="visually-hidden"> : {organisation.name}</span>
                      </button>
                    </form>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="section narrow" aria-labelledby="nouvel-etablissement">
        <h2 id="nouvel-etablissement">{t("createTitle")}</h2>
        <CreateEstablishmentForm parents={groups} />
      </section>
      <section className="section narrow" aria-labelledby="nommer-gestionnaire">
        <h2 id="nommer-gestionnaire">{t("nameManagerTitle")}</h2>
        <p>{t("nameManagerIntro")}</p>
        <NameManagerForm establishments={establishments} />
      </section>
      <section className="section narrow" aria-labelledby="connexion-sso">
        <h2 id="connexion-sso">{t("ssoTitle")}</h2>
        <p>{t("ssoIntro")}</p>
        <p>
          <Link href="/etablissement/connexion-sso">{t("ssoLink")}</Link>
        </p>
      </section>
    </>
  );
}
