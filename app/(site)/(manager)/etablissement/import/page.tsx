import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { listEstablishmentInvitations } from "@/lib/invitations/list-invitations";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { PendingInvitations } from "./_components/pending-invitations";
import { RosterForm } from "./_components/roster-form";

type Props = { searchParams: Promise<{ etablissement?: string; invitation?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rosterImport"))("title") };
}

export default async function RosterImportPage({ searchParams }: Props) {
  const [{ etablissement, invitation }, t] = await Promise.all([searchParams, getTranslations("rosterImport")]);
  // Another establishment's id is not found, never silently replaced by one of the actor's own.
  const {
    actor,
    db,
    establishment: selected,
    establishments,
  } = await requireManagerPage("/etablissement/import", etablissement);
  const invitations = await listEstablishmentInvitations(db, { actor, organisationId: selected.id });

  return (
    <>
      <h1>{t("title")}</h1>
      {establishments.length > 1 && <EstablishmentPicker establishments={establishments} selectedId={selected.id} />}
      <p className="lead">{t("intro", { name: selected.name })}</p>
      <RosterForm organisationId={selected.id} />
      <PendingInvitations organisationId={selected.id} invitations={invitations} outcome={invitation} />
    </>
  );
}
