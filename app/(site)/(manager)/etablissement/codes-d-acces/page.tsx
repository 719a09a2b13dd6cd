import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { publicOrigin } from "@/lib/http/public-origin";
import { listJoinCodes } from "@/lib/join/manage-join-codes";
import { listTeams } from "@/lib/organisations/manage-teams";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { CreateJoinCodeForm } from "./_components/create-join-code-form";
import { JoinCodeList } from "./_components/join-code-list";
import "./join-codes.css";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("joinCodes"))("title") };
}

export default async function JoinCodesPage({ searchParams }: Props) {
  const [{ etablissement }, t] = await Promise.all([searchParams, getTranslations("joinCodes")]);
  // Another establishment's id is not found, never silently replaced by one of the actor's own.
  const {
    actor,
    db,
    establishment: selected,
    establishments,
  } = await requireManagerPage("/etablissement/codes-d-acces", etablissement);
  const [codes, teams] = await Promise.all([
    listJoinCodes(db, { actor, organisationId: selected.id }),
    listTeams(db, { actor, organisationId: selected.id }),
  ]);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      {establishments.length > 1 && <EstablishmentPicker establishments={establishments} selectedId={selected.id} />}
      <p className="lead">{t("intro", { name: selected.name })}</p>
      <section className="section" aria-labelledby="nouveau-code">
        <h2 id="nouveau-code">{t("createTitle")}</h2>
        <CreateJoinCodeForm organisationId={selected.id} teams={teams} />
      </section>
      <section className="section" aria-labelledby="liste-codes">
        <h2 id="liste-codes">{t("listTitle")}</h2>
        {codes.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <JoinCodeList organisationId={selected.id} codes={codes} baseUrl={publicOrigin()} />
        )}
      </section>
    </div>
  );
}
