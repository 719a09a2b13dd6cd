import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listCentreEstablishments } from "@/lib/access/centre-campaigns";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { campaignActions } from "@/lib/phishing/campaign-state";
import { listCampaigns } from "@/lib/phishing/list-campaigns";
import { parisToday } from "@/lib/phishing/plan-send-times";
import { listPhishingScenarios } from "@/lib/phishing/scenarios";
import { ReportTable } from "@/app/_components/reports/report-table";
import { CampaignActions } from "./_components/campaign-actions";
import { CreateCampaignForm } from "./_components/create-campaign-form";
import "@/app/_components/reports/reports.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phishingCampaigns"))("title"), robots: { index: false } };
}

/** The centre's phishing exercises, each for several establishments: prepare, launch, follow. */
export default async function CampaignsPage() {
  const actor = await requirePlatformAdminPage("/centre/exercices");
  const { db } = await getDb();
  const [t, te, format, establishments, campaigns] = await Promise.all([
    getTranslations("phishingCampaigns"),
    getTranslations("phishingExercises"),
    getFormatter(),
    listCentreEstablishments(db, actor),
    listCampaigns(db, actor),
  ]);
  const scenarios = listPhishingScenarios().map((s) => ({ id: s.id, label: s.title }));
  const scenarioLabel = new Map(scenarios.map((s) => [s.id, s.label]));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <section className="section" aria-labelledby="preparer-exercice-centre">
        <h2 id="preparer-exercice-centre">{t("createTitle")}</h2>
        {establishments.length === 0 ? (
          <p>{t("noEstablishment")}</p>
        ) : (
          <CreateCampaignForm
            establishments={establishments.map(({ id, name }) => ({ id, name }))}
            scenarios={scenarios}
            today={parisToday(new Date())}
          />
        )}
      </section>
      <section className="section" aria-labelledby="liste-exercices-centre">
        <h2 id="liste-exercices-centre">{t("listTitle")}</h2>
        {campaigns.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ReportTable
            caption={t("caption")}
            columns={(["scenario", "window", "establishments", "state", "sent", "actions"] as const).map((key) => ({
              key,
              heading: t(`columns.${key}`),
            }))}
          >
            {campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <td>
                  {scenarioLabel.get(campaign.scenarioId) ?? campaign.scenarioId}
                  <p className="hint">
                    <Link href={`/centre/exercices/${campaign.id}`}>{t("resultsLink")}</Link>
                  </p>
                </td>
                <td>
                  {te("windowText", {
                    day: format.dateTime(new Date(`${campaign.windowStartsOn}T12:00:00Z`), { dateStyle: "short" }),
                    days: campaign.workingDays,
                  })}
                </td>
                <td>{t("establishmentCount", { count: campaign.establishments })}</td>
                <td>{te(`states.${campaign.state}`)}</td>
                <td>{te("sentOf", { sent: campaign.sent, planned: campaign.planned })}</td>
                <td>
                  <CampaignActions campaignId={campaign.id} available={campaignActions(campaign.partStates)} />
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </section>
    </>
  );
}
