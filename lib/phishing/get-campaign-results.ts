import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { PhishingExerciseState } from "@/db/schema";
import { requireCentreCampaign } from "@/lib/access/centre-campaigns";
import type { Actor } from "@/lib/auth/load-actor";
import { type RawRow, instantOrNull, int, selectRows, text } from "@/lib/read-model/sql-rows";
import { campaignState } from "./campaign-state";
import { type MergedResults, type ServiceCounts, mergeSmallServices } from "./merge-small-services";
import { resultCountColumnsFrom, resultCountsOf } from "./result-counts";

export type CampaignPart = {
  exerciseId: string;
  organisationId: string;
  name: string;
  state: PhishingExerciseState;
  planned: number;
  sent: number;
};

export type CampaignResults = MergedResults & {
  campaign: {
    id: string;
    scenarioId: string;
    windowStartsOn: string;
    workingDays: number;
    state: PhishingExerciseState;
    launchedAt: Date | null;
  };
  parts: CampaignPart[];
};

/**
 * One row per part: its establishment, state and counts, as getExerciseResults counts them
 * (resultCountColumnsFrom).
 */
function partsStatement(campaignId: string) {
  return sql`select e.id, e.organisation_id, o.name, e.state, e.scenario_id, e.window_starts_on::text as window_starts_on,
      e.working_days, e.launched_at, g.*
    from phishing_exercises e join organisations o on o.id = e.organisation_id
    cross join lateral (
      select count(*) as planned, count(r.sent_at) as sent, ${resultCountColumnsFrom}
      where r.exercise_id = e.id
    ) g
    where e.campaign_id = ${campaignId}::uuid
    order by o.name, o.id`;
}

const toPart = (row: RawRow) => ({
  part: {
    exerciseId: text(row, "id"),
    organisationId: text(row, "organisation_id"),
    name: text(row, "name"),
    state: text(row, "state") as PhishingExerciseState,
    planned: int(row, "planned"),
    sent: int(row, "sent"),
  },
  heading: {
    scenarioId: text(row, "scenario_id"),
    windowStartsOn: text(row, "window_starts_on"),
    workingDays: int(row, "working_days"),
    launchedAt: instantOrNull(row, "launched_at"),
  },
  // Counted over the messages sent only, as an establishment's own results page counts them.
  counts: {
    teamId: text(row, "organisation_id"),
    teamName: text(row, "name"),
    ...resultCountsOf(row),
  } satisfies ServiceCounts,
});

/**
 * A centre exercise's results for a platform admin of its centre: one row per establishment
 * where at least five people were sent the message, the smaller ones merged by the rule that
 * merges small services (mergeSmallServices), and the total; never a person. Each part's state
 * and message counts by establishment. not_found for anyone else.
 */
export async function getCampaignResults(
  db: Db,
  options: { actor: Actor; campaignId: string },
): Promise<CampaignResults> {
  const campaign = await requireCentreCampaign(db, options.actor, options.campaignId);
  const rows = await selectRows(db, partsStatement(campaign.id), toPart);
  const launched = rows.map((row) => row.heading.launchedAt).filter((at): at is Date => at !== null);
  const heading = rows[0]?.heading;

  return {
    campaign: {
      id: campaign.id,
      scenarioId: heading?.scenarioId ?? "",
      windowStartsOn: heading?.windowStartsOn ?? "",
      workingDays: heading?.workingDays ?? 0,
      state: campaignState(rows.map((row) => row.part.state)),
      launchedAt: launched.length > 0 ? new Date(Math.min(...launched.map((at) => at.getTime()))) : null,
    },
    parts: rows.map((row) => row.part),
    // Establishments with no message sent yet have no results to show.
    ...mergeSmallServices(rows.map((row) => row.counts).filter((counts) => counts.sent > 0)),
  };
}
