import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EstablishmentChoiceForm } from "@/app/_components/establishment-choice-form";
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
      <EstablishmentChoiceForm
        action={chooseEstablishment}
        returnTo={returnTo}
        legend={t("legend")}
        submit={t("submit")}
        selectedId={selected}
        choices={establishments.map((m) => ({
          id: m.organisationId,
          label: (
            <>
              {m.organisationName} <span className="hint">({t(`roles.${m.role}`)})</span>
            </>
          ),
        }))}
      />
    </div>
  );
}
