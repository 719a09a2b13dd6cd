import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import type { Actor } from "@/lib/auth/load-actor";
import { instantOrNull, int, selectRows, text } from "@/lib/read-model/sql-rows";
import { PHISHING_MODULE_ID } from "./phishing-module";

export type ExerciseTrendRow = {
  id: string;
  scenarioId: string;
  /** First day of the exercise's window (Paris calendar, YYYY-MM-DD): the date it is known by. */
  windowStartsOn: string;
  launchedAt: Date | null;
  sent: number;
  delivered: number;
  clicks: number;
  reports: number;
  /** People with a delivered message who completed the phishing module after it was sent. */
  moduleCompleted: number;
};

/**
 * The establishment's launched exercises, oldest first (by the first day of their window), each
 * with its totals, in one statement: how clicks, reports and the module's completions move from
 * one exercise to the next. The same definitions as getExerciseResults' total.
 */
export async function listExerciseTrend(
  db: Db,
  options: { actor: Actor; organisationId: string },
): Promise<ExerciseTrendRow[]> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);

  return selectRows(
    db,
    sql`select e.id, e.scenario_id, e.window_starts_on::text as window_starts_on, e.launched_at,
        count(r.id) as sent, count(r.delivered_at) as delivered, count(r.clicked_at) as clicks,
        count(r.reported_at) as reports,
        count(*) filter (where r.delivered_at is not null and coalesce(mp.last_completed_at, mp.completed_at) > r.sent_at) as module_completed
      from phishing_exercises e
      left join phishing_recipients r on r.exercise_id = e.id and r.sent_at is not null
      left join module_progress mp on mp.user_id = r.user_id and mp.module_id = ${PHISHING_MODULE_ID}
        and mp.organisation_id = r.organisation_id
      where e.organisation_id = ${establishment.id}::uuid and e.launched_at is not null
      group by e.id
      order by e.window_starts_on, e.launched_at, e.id`,
    (row) => ({
      id: text(row, "id"),
      scenarioId: text(row, "scenario_id"),
      windowStartsOn: text(row, "window_starts_on"),
      launchedAt: instantOrNull(row, "launched_at"),
      sent: int(row, "sent"),
      delivered: int(row, "delivered"),
      clicks: int(row, "clicks"),
      reports: int(row, "reports"),
      moduleCompleted: int(row, "module_completed"),
    }),
  );
}
