import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { PhishingExerciseState } from "@/db/schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { type RawRow, instantOrNull, int, selectRows, text, textOrNull } from "@/lib/read-model/sql-rows";
import { type MergedResults, type ServiceCounts, mergeSmallServices } from "./merge-small-services";
import { resultCountColumnsFrom, resultCountsOf } from "./result-counts";

export type ExerciseHeading = {
  id: string;
  scenarioId: string;
  state: PhishingExerciseState;
  windowStartsOn: string;
  workingDays: number;
  launchedAt: Date | null;
};

export type ExerciseResults = MergedResults & { exercise: ExerciseHeading };

export type GetExerciseResultsOptions = { actor: Actor; organisationId: string; exerciseId: string };

const uuid = z.guid();

/**
 * Counts of an exercise, by service (the person's service at launch), in one statement: the
 * exercise's row, joined to one row per service with messages sent (resultCountColumnsFrom).
 */
function resultsStatement(organisationId: string, exerciseId: string) {
  return sql`select e.id, e.scenario_id, e.state, e.window_starts_on::text as window_starts_on, e.working_days,
      e.launched_at, g.*, t.name as team_name
    from phishing_exercises e
    left join lateral (
      select r.team_id, count(*) as sent, ${resultCountColumnsFrom}
      where r.exercise_id = e.id and r.sent_at is not null
      group by r.team_id
    ) g on true
    left join teams t on t.id = g.team_id and t.organisation_id = e.organisation_id
    where e.id = ${exerciseId}::uuid and e.organisation_id = ${organisationId}::uuid`;
}

const toRow = (row: RawRow) => ({
  exercise: {
    id: text(row, "id"),
    scenarioId: text(row, "scenario_id"),
    state: text(row, "state") as PhishingExerciseState,
    windowStartsOn: text(row, "window_starts_on"),
    workingDays: int(row, "working_days"),
    launchedAt: instantOrNull(row, "launched_at"),
  },
  // No message sent yet: the lateral join gives one row of nulls.
  service:
    row.sent === null || row.sent === undefined
      ? null
      : ({
          teamId: textOrNull(row, "team_id"),
          teamName: textOrNull(row, "team_name"),
          ...resultCountsOf(row),
        } satisfies ServiceCounts),
});

/**
 * An exercise's results for a manager of its establishment: one row per service of at least
 * five people sent the message, the smaller ones merged (mergeSmallServices), and the total.
 * Never a person's own result. An exercise of another establishment, an unknown id or a
 * malformed one are all not_found, the same.
 */
export async function getExerciseResults(db: Db, options: GetExerciseResultsOptions): Promise<ExerciseResults> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  if (!uuid.safeParse(options.exerciseId).success) throw new AppError("not_found", "malformed exercise id");
  const rows = await selectRows(db, resultsStatement(establishment.id, options.exerciseId), toRow);
  if (rows.length === 0) throw new AppError("not_found", "exercise of another establishment");
  const services = rows.flatMap((row) => (row.service ? [row.service] : []));

  return { exercise: rows[0]!.exercise, ...mergeSmallServices(services) };
}
