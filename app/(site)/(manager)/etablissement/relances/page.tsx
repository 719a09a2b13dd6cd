import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { filtersQuery } from "@/lib/reports/learner-filters";
import { listRecentReminders } from "@/lib/reminders/list-recent-reminders";
import { getReminderSettings } from "@/lib/reminders/reminder-settings";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { ReportsNav } from "../_components/reports-nav";
import { requireManagerPage } from "@/lib/access/page-guards";
import { ReportTable } from "@/app/_components/reports/report-table";
import { ReminderSettingsForm } from "./_components/reminder-settings-form";
import "@/app/_components/reports/reports.css";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reminders.settings"))("title"), robots: { index: false } };
}

export default async function RemindersPage({ searchParams }: Props) {
  const { etablissement } = await searchParams;
  const { db, establishment } = await requireManagerPage("/etablissement/relances", etablissement);
  const [t, format, settings, log] = await Promise.all([
    getTranslations("reminders.settings"),
    getFormatter(),
    getReminderSettings(db, establishment.id),
    listRecentReminders(db, { organisationId: establishment.id }),
  ]);
  const query = etablissement ? `?etablissement=${establishment.id}` : "";
  const lateList = `/etablissement/apprenants?${filtersQuery({ ...(etablissement ? { etablissement: establishment.id } : {}), statut: "late" } as Record<string, string>)}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <ReportsNav current="reminders" query={query} />
      <p className="lead">{t("intro")}</p>
      {establishment.all.length > 1 && (
        <EstablishmentPicker establishments={establishment.all} selectedId={establishment.id} />
      )}
      <p>
        {t("manualHint")} <Link href={lateList}>{t("manualLink")}</Link>
      </p>
      <section className="section" aria-labelledby="reglages-relances">
        <h2 id="reglages-relances">{t("formTitle")}</h2>
        <ReminderSettingsForm key={establishment.id} organisationId={establishment.id} values={settings} />
      </section>
      <section className="section" aria-labelledby="dernieres-relances">
        <h2 id="dernieres-relances">{t("logTitle")}</h2>
        {log.length === 0 ? (
          <p>{t("logEmpty")}</p>
        ) : (
          <ReportTable
            caption={t("logCaption")}
            columns={[
              { key: "when", heading: t("when") },
              { key: "learner", heading: t("learner") },
              { key: "kind", heading: t("kind") },
              { key: "by", heading: t("by") },
            ]}
          >
            {log.map((row) => (
              <tr key={row.id}>
                <td>{format.dateTime(row.sentAt, { dateStyle: "short", timeStyle: "short" })}</td>
                <td>{row.learnerName || row.learnerEmail}</td>
                <td>{t(`kinds.${row.kind}`)}</td>
                <td>{row.sentBy ? row.senderName || row.senderEmail : t("automatic")}</td>
              </tr>
            ))}
          </ReportTable>
        )}
      </section>
    </>
  );
}
