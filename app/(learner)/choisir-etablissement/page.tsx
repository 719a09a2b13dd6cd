import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { chooseEstablishment } from "@/app/actions";
import { getCurrentEstablishment, requireActor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";

type Props = { searchParams: Promise<{ retour?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("memberships.choose"))("title") };
}

/** Where a person who belongs to several establishments, and has not chosen one, chooses. */
export default async function ChooseEstablishmentPage({ searchParams }: Props) {
  const { retour } = await searchParams;
  const returnTo = safeReturnPath(retour);
  await requireActor(`/choisir-etablissement?retour=${encodeURIComponent(returnTo)}`);
  const [{ actor, current }, t] = await Promise.all([
    getCurrentEstablishment().then((signedIn) => signedIn!),
    getTranslations("memberships.choose"),
  ]);
  const establishments = actor.memberships.filter((m) => m.kind === "establishment");
  if (current.status === "none") redirect("/sans-etablissement");
  const selected = current.status === "chosen" ? current.membership.organisationId : undefined;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form action={chooseEstablishment} className="form">
        <input type="hidden" name="retour" value={returnTo} />
        <fieldset className="choice-list">
          <legend>{t("legend")}</legend>
          {establishments.map((m) => (
            <label key={m.organisationId} className="choice">
              <input
                type="radio"
                name="organisationId"
                value={m.organisationId}
                defaultChecked={m.organisationId === selected}
                required
              />
              <span>
                {m.organisationName} <span className="hint">({t(`roles.${m.role}`)})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </p>
      </form>
    </div>
  );
}
