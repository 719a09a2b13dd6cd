import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type PhishingExerciseState, phishingExerciseStates } from "@/db/schema";
import { requireAdminCentres } from "@/lib/access/roles";
import type { Actor } from "@/lib/auth/load-actor";
import { instantOrNull, int, selectRows, text } from "@/lib/read-model/sql-rows";
import { campaignState } from "./campaign-state";

export type CampaignSummary = {
  id: string;
  scenarioId: string;
  windowStartsOn: string;
  workingDays: number;
  createdAt: Date;
  establishments: number;
  /** Each part's state, to tell the campaign's (campaign-state.ts) and what can be done. */
  partStates: PhishingExerciseState[];
  state: PhishingExerciseState;
  planned: number;
  sent: number;
};

const isState = (value: string): value is PhishingExerciseState =>
  (phishingExerciseStates as readonly string[]).includes(value);

/**
 * The centre exercises of the centres the actor administers, newest first, with how many
 * establishments and messages: no result of anyone here (the campaign's page has the counts).
 * not_found for anyone who is not a platform admin.
 */
export async function listCampaigns(db: Db, actor: Actor): Promise<CampaignSummary[]> {
  const centres = requireAdminCentres(actor);

  return selectRows(
    db,
    sql`select c.id, c.created_at, min(e.scenario_id) as scenario_id,
        min(e.window_starts_on)::text as window_starts_on, min(e.working_days) as working_days,
        count(*) as establishments, string_agg(e.state, ',') as states,
        (select count(*) from phishing_recipients r join phishing_exercises p on p.id = r.exercise_id
          where p.campaign_id = c.id) as planned,
        (select count(*) from phishing_recipients r join phishing_exercises p on p.id = r.exercise_id
          where p.campaign_id = c.id and r.sent_at is not null) as sent
      from phishing_campaigns c join phishing_exercises e on e.campaign_id = c.id
      where c.organisation_id in (${sql.join(
        centres.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by c.id
      order by c.created_at desc, c.id`,
    (row) => {
      const partStates = text(row, "states").split(",").filter(isState);

      return {
        id: text(row, "id"),
        scenarioId: text(row, "scenario_id"),
        windowStartsOn: text(row, "window_starts_on"),
        workingDays: int(row, "working_days"),
        createdAt: instantOrNull(row, "created_at")!,
        establishments: int(row, "establishments"),
        partStates,
        state: campaignState(partStates),
        planned: int(row, "planned"),
        sent: int(row, "sent"),
      };
    },
  );
}
