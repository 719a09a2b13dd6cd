import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guards";
import { chosenEstablishment, listManagedEstablishments } from "@/lib/incident/list-managed-establishments";
import { EstablishmentPicker } from "../contact-incident/_components/establishment-picker";
import { RosterForm } from "./_components/roster-form";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rosterImport"))("title") };
}

export default async function RosterImportPage({ searchParams }: Props) {
  const [actor, { etablissement }, t] = await Promise.all([requireActor("/etablissement/import"), searchParams, getTranslations("rosterImport")]);
  const { db } = await getDb();
  const establishments = await listManagedEstablishments(db, { actor });
  const selected = chosenEstablishment(establishments, etablissement);
  if (!selected) notFound();

  return (
    <>
      <h1>{t("title")}</h1>
      {establishments.length > 1 && <EstablishmentPicker establishments={establishments} selectedId={selected.id} label={t("establishment")} show={t("show")} />}
      <p className="lead">{t("intro", { name: selected.name })}</p>
      <RosterForm organisationId={selected.id} />
    </>
  );
}
