import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { getIndividualResultsSetting } from "@/lib/phishing/individual-results-setting";
import { EstablishmentPicker } from "../../_components/establishment-picker";
import { IndividualResultsForm } from "./_components/individual-results-form";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phishingPeople.settings"))("title"), robots: { index: false } };
}

export default async function ExerciseSettingsPage({ searchParams }: Props) {
  const { etablissement } = await searchParams;
  const { db, establishment } = await requireManagerPage("/etablissement/exercices/reglages", etablissement);
  const [t, tp, enabled] = await Promise.all([
    getTranslations("phishingPeople.settings"),
    getTranslations("phishingPeople.people"),
    getIndividualResultsSetting(db, establishment.id),
  ]);

  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href={`/etablissement/exercices?etablissement=${establishment.id}`}>{tp("back")}</Link>
      </p>
      <p className="lead">{t("intro")}</p>
      {establishment.all.length > 1 && (
        <EstablishmentPicker establishments={establishment.all} selectedId={establishment.id} />
      )}
      <IndividualResultsForm
        key={establishment.id}
        organisationId={establishment.id}
        enabled={enabled}
        text={{ enabled: t("enabled"), enabledHint: t("enabledHint"), submit: t("submit") }}
      />
    </>
  );
}
