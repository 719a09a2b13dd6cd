import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import type { Actor } from "@/lib/auth/load-actor";
import { instantOrNull, selectRows, text } from "@/lib/read-model/sql-rows";
import type { ResultCounts } from "./merge-small-services";
import { resultCountColumnsFrom, resultCountsOf } from "./result-counts";

export type ExerciseTrendRow = Pick<ResultCounts, "sent" | "delivered" | "clicks" | "reports" | "moduleCompleted"> & {
  id: string;
  scenarioId: string;
  /** First day of the exercise's window (Paris calendar, YYYY-MM-DD): the date it is known by. */
  windowStartsOn: string;
  launchedAt: Date | null;
};

/**
 * The establishment's launched exercises, oldest first (by the first day of their window), each
 * with its totals, in one statement: how clicks, reports and the module's completions move from
 * one exercise to the next. Counted as getExerciseResults' total (resultCountColumnsFrom, over the
 * messages sent).
 */
export async function listExerciseTrend(
  db: Db,
  options: { actor: Actor; organisationId: string },
): Promise<ExerciseTrendRow[]> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);

  return selectRows(
    db,
    sql`select e.id, e.scenario_id, e.window_starts_on::text as window_starts_on, e.launched_at, g.*
      from phishing_exercises e
      cross join lateral (
        select count(*) as sent, ${resultCountColumnsFrom}
        where r.exercise_id = e.id and r.sent_at is not null
      ) g
      where e.organisation_id = ${establishment.id}::uuid and e.launched_at is not null
      order by e.window_starts_on, e.launched_at, e.id`,
    (row) => {
      const { sent, delivered, clicks, reports, moduleCompleted } = resultCountsOf(row);

      return {
        id: text(row, "id"),
        scenarioId: text(row, "scenario_id"),
        windowStartsOn: text(row, "window_starts_on"),
        launchedAt: instantOrNull(row, "launched_at"),
        sent,
        delivered,
        clicks,
        reports,
        moduleCompleted,
      };
    },
  );
}
