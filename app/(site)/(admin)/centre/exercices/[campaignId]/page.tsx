import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { AppError } from "@/lib/errors";
import { campaignActions } from "@/lib/phishing/campaign-state";
import { getCampaignResults } from "@/lib/phishing/get-campaign-results";
import { getPhishingScenario } from "@/lib/phishing/scenarios";
import { ResultsTable } from "@/app/_components/phishing/results-table";
import { ReportTable } from "@/app/_components/reports/report-table";
import { CampaignActions } from "../_components/campaign-actions";
import "@/app/_components/reports/reports.css";

type Props = { params: Promise<{ campaignId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phishingCampaigns"))("results.title"), robots: { index: false } };
}

async function loadResults(...args: Parameters<typeof getCampaignResults>) {
  try {
    return await getCampaignResults(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * A centre exercise: each establishment's part (state, messages sent) and the results by
 * establishment, never by person. No link to an establishment's own pages: those are its managers'.
 */
export default async function CampaignResultsPage({ params }: Props) {
  const { campaignId } = await params;
  const actor = await requirePlatformAdminPage(`/centre/exercices/${encodeURIComponent(campaignId)}`);
  const { db } = await getDb();
  const [t, te, tr, format, results] = await Promise.all([
    getTranslations("phishingCampaigns"),
    getTranslations("phishingExercises"),
    getTranslations("phishingResults"),
    getFormatter(),
    loadResults(db, { actor, campaignId }),
  ]);
  const { campaign, parts, rows, total } = results;

  return (
    <>
      <p>
        <Link href="/centre/exercices">{t("results.back")}</Link>
      </p>
      <h1>
        {t("results.heading", { scenario: getPhishingScenario(campaign.scenarioId)?.title ?? campaign.scenarioId })}
      </h1>
      <p className="lead">
        {t("results.summary", {
          day: format.dateTime(new Date(`${campaign.windowStartsOn}T12:00:00Z`), { dateStyle: "short" }),
          days: campaign.workingDays,
          state: te(`states.${campaign.state}`),
        })}
      </p>
      <CampaignActions campaignId={campaign.id} available={campaignActions(parts.map((part) => part.state))} />
      <section className="section" aria-labelledby="parts-etablissements">
        <h2 id="parts-etablissements">{t("results.partsTitle")}</h2>
        <p>{t("results.partsHint")}</p>
        <ReportTable
          caption={t("results.partsCaption")}
          columns={(["establishment", "state", "sent"] as const).map((key) => ({
            key,
            heading: t(`results.partsColumns.${key}`),
            isNumber: key === "sent",
          }))}
        >
          {parts.map((part) => (
            <tr key={part.exerciseId}>
              <th scope="row">{part.name}</th>
              <td>{te(`states.${part.state}`)}</td>
              <td className="number">{te("sentOf", { sent: part.sent, planned: part.planned })}</td>
            </tr>
          ))}
        </ReportTable>
      </section>
      <section className="section" aria-labelledby="par-etablissement">
        <h2 id="par-etablissement">{t("results.tableTitle")}</h2>
        <p>{t("results.privacy")}</p>
        {total.sent === 0 ? (
          <p>{t("results.noResults")}</p>
        ) : (
          <>
            <ResultsTable
              rows={rows}
              total={total}
              labels={{
                caption: t("results.caption"),
                firstColumn: t("results.firstColumn"),
                groups: {
                  noService: t("results.groups.noService"),
                  merged: t("results.groups.merged"),
                  mergedWithLarger: t("results.groups.mergedWithLarger"),
                  total: t("results.groups.total"),
                },
              }}
            />
            {rows.some((row) => row.group.kind === "mergedWithLarger") && <p>{t("results.mergedWithLargerNote")}</p>}
            <p className="hint">{tr("definitions")}</p>
          </>
        )}
      </section>
    </>
  );
}
