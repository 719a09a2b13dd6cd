import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { mostMissedQuestions } from "@/lib/reports/most-missed-questions";
import { learnerStatuses } from "@/lib/assignments/assignment-status";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { ReportsNav } from "../_components/reports-nav";
import { requireManagerPage } from "@/lib/access/page-guards";
import { BreakdownTable } from "./_components/breakdown-table";
import { MonthlyTrend } from "@/app/_components/reports/monthly-trend";
import "@/app/_components/reports/reports.css";
import { ReportTable } from "@/app/_components/reports/report-table";
import { teamsOfEstablishment } from "@/lib/organisations/manage-teams";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managerReports.dashboard"))("title"), robots: { index: false } };
}

export default async function DashboardPage({ searchParams }: Props) {
  const { etablissement } = await searchParams;
  const { db, establishment } = await requireManagerPage("/etablissement/tableau-de-bord", etablissement);
  const catalogue = getCatalogue();
  const asOf = new Date();
  const teamRows = await teamsOfEstablishment(db, establishment);
  const [t, tr, format, dashboard, missed] = await Promise.all([
    getTranslations("managerReports.dashboard"),
    getTranslations("managerReports"),
    getFormatter(),
    getDashboard(db, { organisationId: establishment.id, catalogue, asOf, teams: teamRows }),
    mostMissedQuestions(db, { organisationId: establishment.id, catalogue, asOf }),
  ]);
  const query = etablissement ? `etablissement=${establishment.id}&` : "";
  const done = dashboard.assignmentCounts.done;
  const total = learnerStatuses.reduce((sum, s) => sum + dashboard.assignmentCounts[s], 0);
  const month = (value: string) =>
    format.dateTime(new Date(`${value}-15T12:00:00Z`), { month: "short", year: "2-digit" });
  const points = dashboard.trend.map((m) => ({ label: month(m.month), value: m.completions }));

  return (
    <>
      <h1>{t("title")}</h1>
      <ReportsNav current="dashboard" query={etablissement ? `?etablissement=${establishment.id}` : ""} />
      <p className="lead">{t("intro")}</p>
      {establishment.all.length > 1 && (
        <EstablishmentPicker establishments={establishment.all} selectedId={establishment.id} />
      )}
      {total === 0 && <p className="callout">{t("noAssignment")}</p>}
      <section className="section" aria-labelledby="taux">
        <h2 id="taux">{t("completionRate")}</h2>
        <p className="figure">
          <span className="figure__value">{format.number(dashboard.completionRate, { style: "percent" })}</span>
          {t("completionDetail", { done, total })}
        </p>
      </section>
      <section className="section" aria-labelledby="statuts">
        <h2 id="statuts">{t("learnersTitle")}</h2>
        <p>{t("learnersHint")}</p>
        <ul className="figure-grid">
          {learnerStatuses.map((status) => (
            <li key={status} className={`figure figure--${status}`}>
              <span className="figure__value">{dashboard.learnerCounts[status]}</span>
              <Link
                href={`/etablissement/apprenants?${query}statut=${status}`}
                aria-label={t("viewLearners", { status: tr(`status.${status}`) })}
              >
                {tr(`status.${status}`)}
              </Link>
            </li>
          ))}
        </ul>
        <p>{t("withoutAssignment", { count: dashboard.learnersWithoutAssignment })}</p>
      </section>
      <section className="section" aria-labelledby="par-sujet">
        <h2 id="par-sujet">{t("bySubject")}</h2>
        <BreakdownTable caption={t("bySubject")} column={t("subject")} rows={dashboard.bySubject} />
      </section>
      <section className="section" aria-labelledby="par-equipe">
        <h2 id="par-equipe">{t("byTeam")}</h2>
        <BreakdownTable caption={t("byTeam")} column={t("teamColumn")} rows={dashboard.byTeam} />
      </section>
      <section className="section" aria-labelledby="tendance">
        <h2 id="tendance">{t("trendTitle")}</h2>
        <MonthlyTrend
          id="tendance-graphique"
          title={t("trendTitle")}
          describe={(facts) => t("trendDescription", facts)}
          points={points}
          caption={t("trendTitle")}
          monthHeading={t("month")}
          columns={[{ heading: t("completions"), values: points.map((p) => p.value) }]}
        />
      </section>
      <section className="section" aria-labelledby="questions-manquees">
        <h2 id="questions-manquees">{t("failedTitle")}</h2>
        <p>{t("failedIntro")}</p>
        {missed.length === 0 ? (
          <p>{t("failedEmpty")}</p>
        ) : (
          <ReportTable
            caption={t("failedTitle")}
            columns={[
              { key: "question", heading: t("question") },
              { key: "module", heading: t("module") },
              { key: "failedRate", heading: t("failedRate"), isNumber: true },
            ]}
          >
            {missed.map((q) => (
              <tr key={`${q.moduleId}:${q.questionId}`}>
                <th scope="row">{q.prompt}</th>
                <td>{q.moduleTitle}</td>
                <td className="number">
                  {format.number(q.wrongRate, { style: "percent" })} (
                  {t("failedCount", { wrong: q.wrong, total: q.answers })})
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </section>
    </>
  );
}
