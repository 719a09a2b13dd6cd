import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EstablishmentChoiceForm } from "@/app/_components/establishment-choice-form";
import { getDb } from "@/db/client";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { requireActor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";
import { chooseManagedEstablishment } from "./actions";

type Props = { searchParams: Promise<{ retour?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("memberships.manageChoose"))("title") };
}

/** Where someone who manages several establishments, and has not chosen one, chooses (never name order). */
export default async function ChooseManagedEstablishmentPage({ searchParams }: Props) {
  const { retour } = await searchParams;
  const returnTo = safeReturnPath(retour, "/etablissement/tableau-de-bord");
  const actor = await requireActor(`/etablissement/choisir?retour=${encodeURIComponent(returnTo)}`);
  const { db } = await getDb();
  const [establishments, t] = await Promise.all([
    listManagedEstablishments(db, { actor }),
    getTranslations("memberships.manageChoose"),
  ]);
  if (establishments.length === 0) notFound();

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <EstablishmentChoiceForm
        action={chooseManagedEstablishment}
        returnTo={returnTo}
        legend={t("legend")}
        submit={t("submit")}
        choices={establishments.map((establishment) => ({ id: establishment.id, label: establishment.name }))}
      />
    </div>
  );
}
