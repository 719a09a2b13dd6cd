import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { AppError } from "@/lib/errors";
import { type RegionReport, getRegionReport } from "@/lib/region/get-region-report";
import { regionSortSchema, sortEstablishments } from "@/lib/region/region-sort";
import { MonthlyTrend } from "@/app/_components/reports/monthly-trend";
import { RegionTable } from "./_components/region-table";
import "@/app/_components/reports/reports.css";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("regionReport"))("title"), robots: { index: false } };
}

export default async function RegionDashboardPage({ searchParams }: Props) {
  const [actor, params] = await Promise.all([requirePlatformAdminPage("/centre/tableau-de-bord"), searchParams]);
  const { db } = await getDb();
  let report: RegionReport;
  try {
    report = await getRegionReport(db, { actor, asOf: new Date() });
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  const { tri = "name", ordre = "asc" } = regionSortSchema.parse(params);
  const [t, tc, format] = await Promise.all([
    getTranslations("regionReport"),
    getTranslations("phishingCampaigns"),
    getFormatter(),
  ]);
  const month = (value: string) =>
    format.dateTime(new Date(`${value}-15T12:00:00Z`), { month: "short", year: "2-digit" });
  const points = report.months.map((m) => ({ label: month(m.month), value: m.completions }));
  const figures = [
    ["enrolled", report.totals.enrolled],
    ["active", report.totals.active],
    ["completions", report.totals.completions],
    ["certificates", report.totals.certificates],
  ] as const;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href="/centre/exercices">{tc("link")}</Link>
      </p>
      <section className="section" aria-labelledby="region-chiffres">
        <h2 id="region-chiffres">{t("totalsTitle")}</h2>
        <p>{t("establishments", { count: report.totals.establishments })}</p>
        <ul className="figure-grid">
          {figures.map(([key, value]) => (
            <li key={key} className="figure">
              <span className="figure__value">{format.number(value)}</span>
              {t(key)}
            </li>
          ))}
        </ul>
        <p className="toolbar">
          <a className="button button--secondary" href="/centre/tableau-de-bord/export">
            {t("export")}
          </a>
          <span className="hint">{t("exportHint")}</span>
        </p>
      </section>
      <section className="section" aria-labelledby="region-etablissements">
        <h2 id="region-etablissements">{t("byEstablishment")}</h2>
        <p>{t("byEstablishmentHint")}</p>
        {report.establishments.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <RegionTable rows={sortEstablishments(report.establishments, tri, ordre)} sort={tri} order={ordre} />
        )}
      </section>
      <section className="section" aria-labelledby="region-mois">
        <h2 id="region-mois">{t("byMonth")}</h2>
        <MonthlyTrend
          id="region-graphique"
          title={t("chartTitle")}
          describe={(facts) => t("chartDescription", facts)}
          points={points}
          caption={t("byMonth")}
          monthHeading={t("month")}
          columns={[
            { heading: t("monthCompletions"), values: report.months.map((m) => m.completions) },
            { heading: t("monthCertificates"), values: report.months.map((m) => m.certificates) },
          ]}
        />
      </section>
    </>
  );
}
