import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { journalQuery, parseJournalFilters } from "@/lib/audit/journal-filters";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { env } from "@/lib/env";
import { JournalFilters } from "./_components/journal-filters";
import { JournalTable } from "./_components/journal-table";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title"), robots: { index: false } };
}

const typedValue = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [actor, params] = await Promise.all([requirePlatformAdminPage("/centre/journal"), searchParams]);
  const { filters, errors } = parseJournalFilters(params);
  const invalid = Object.keys(errors).length > 0;
  const [{ db }, t] = await Promise.all([getDb(), getTranslations("audit")]);
  // Wrong filters list nothing: a journal filtered on something else than asked would mislead.
  const page = invalid ? null : await listAuditEntries(db, actor, filters);
  const href = (before?: string) =>
    `/centre/journal${journalQuery(filters, before) ? `?${journalQuery(filters, before)}` : ""}`;
  const typed = {
    action: typedValue(params.action),
    person: typedValue(params.personne),
    from: typedValue(params.du),
    to: typedValue(params.au),
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { months: env().AUDIT_LOG_RETENTION_MONTHS })}</p>
      <JournalFilters typed={typed} errors={errors} />
      {page ? (
        <JournalTable entries={page.entries} />
      ) : (
        <p role="alert" className="form-message">
          {t("invalid")}
        </p>
      )}
      {page && (filters.before || page.nextCursor) ? (
        <nav aria-label={t("pages")} className="audit-pages">
          {filters.before ? <Link href={href()}>{t("newest")}</Link> : null}
          {page.nextCursor ? <Link href={href(page.nextCursor)}>{t("older")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
