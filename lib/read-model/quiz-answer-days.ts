import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type RawRow, instantOrNull, intOrNull, json, selectRows, textOrNull } from "./sql-rows";

/**
 * A UTC day of reception is counted once this many days have passed since it began: the player's
 * events are received at the database's clock (received_at defaults to now()), so nothing of a day
 * that has ended can still arrive except from a transaction that began before midnight and has
 * not committed yet, for which the extra day is the margin. Anyone else who writes an event with
 * an older received_at fires a trigger of db/read-model/2-quiz-answer-days.sql, which throws the counts away.
 */
export const CLOSED_AFTER_DAYS = 1;

/** Sums per question of the counted days in [from, until) (YYYY-MM-DD), as kept in quiz_answer_coverage. */
export type QuizAnswerTotals = {
  from: string;
  until: string;
  rows: { module_id: string; question_id: string; answers: number; wrong: number }[];
};

export type QuizDaysCoverage = {
  /** Every quiz_submitted event received before this instant (a UTC midnight) is counted in quiz_answer_days, none after; null: nothing is. */
  closedBefore: Date | null;
  /** The sums kept in the coverage row, if any (cleared whenever counted days are thrown away). */
  totals: QuizAnswerTotals | null;
};

/**
 * Brings the establishment's counted quiz answers (quiz_answer_days) up to the last closed day
 * and says up to when they go, with the sums of counted days kept in the coverage row. Counts
 * only the days not counted yet, under a lock on the establishment's coverage row that the
 * triggers on learning_events also take, so that a count never misses an event written beside it.
 */
export async function countClosedQuizDays(db: Db, organisationId: string): Promise<QuizDaysCoverage> {
  type Coverage = {
    closed_before: Date | null;
    target: Date;
    totals_from: string | null;
    totals_until: string | null;
    totals: QuizAnswerTotals["rows"] | null;
  };
  const toCoverage = (row: RawRow): Coverage => ({
    closed_before: instantOrNull(row, "closed_before"),
    target: instantOrNull(row, "target")!,
    totals_from: textOrNull(row, "totals_from"),
    totals_until: textOrNull(row, "totals_until"),
    totals: json<QuizAnswerTotals["rows"] | null>(row, "totals"),
  });
  const coverage = (query: ReturnType<typeof sql>) => async (runner: Pick<Db, "execute">) =>
    (await selectRows(runner, query, toCoverage))[0];
  const columns = sql`c.closed_before, date_trunc('day', now() - interval '${sql.raw(String(CLOSED_AFTER_DAYS))} days', 'UTC') as target, c.totals_from::text, c.totals_until::text, c.totals`;
  const isCurrent = (row: Coverage | undefined) => row?.closed_before != null && row.closed_before >= row.target;
  const result = (row: Coverage | undefined, closedBefore: Date | null): QuizDaysCoverage => ({
    closedBefore,
    totals:
      row?.totals && row.totals_from && row.totals_until
        ? { from: row.totals_from, until: row.totals_until, rows: row.totals }
        : null,
  });

  const seen = await coverage(
    sql`select ${columns} from (select 1) one left join quiz_answer_coverage c on c.organisation_id = ${organisationId}::uuid`,
  )(db);
  if (isCurrent(seen)) return result(seen, seen!.closed_before);

  return db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into quiz_answer_coverage (organisation_id) values (${organisationId}::uuid) on conflict (organisation_id) do nothing`,
    );
    const row = (await coverage(
      sql`select ${columns} from quiz_answer_coverage c where c.organisation_id = ${organisationId}::uuid for update`,
    )(tx))!;
    if (isCurrent(row)) return result(row, row.closed_before);
    const from = row.closed_before;
    const until = row.target;
    // Nothing counted: whatever is left is thrown away (a trigger of db/read-model/2-quiz-answer-days.sql clears the sums kept).
    if (!from) await tx.execute(sql`delete from quiz_answer_days where organisation_id = ${organisationId}::uuid`);
    // The days in [from, until) are not counted yet: plain inserts, no conflict with the rows there.
    await tx.execute(sql`insert into quiz_answer_days (organisation_id, day, module_id, question_id, answers, wrong)
      select e.organisation_id, (e.received_at at time zone 'UTC')::date, e.module_id, q->>'questionId', count(*)::int, (count(*) filter (where q->>'correct' = 'false'))::int
      from learning_events e cross join lateral jsonb_array_elements(e.payload->'result'->'questions') q
      where e.organisation_id = ${organisationId}::uuid and e.kind = 'quiz_submitted' and e.received_at < ${until.toISOString()}::timestamptz
        ${from ? sql`and e.received_at >= ${from.toISOString()}::timestamptz` : sql``}
      group by 1, 2, 3, 4`);
    await tx.execute(
      sql`update quiz_answer_coverage set closed_before = ${until.toISOString()}::timestamptz where organisation_id = ${organisationId}::uuid`,
    );

    // Sums kept for days before `from` stay right: those days were not touched (none are kept without `from`).
    return result(from ? row : undefined, until);
  });
}

/**
 * The sums per question of the counted days in [from, until): those kept in the coverage row when
 * they cover the same days, else summed from quiz_answer_days and kept, if the coverage is still
 * at the generation they were summed in (a trigger of db/read-model/2-quiz-answer-days.sql counts it up, under the
 * row's lock, when counted days are thrown away).
 */
export async function countedDayTotals(
  db: Db,
  organisationId: string,
  coverage: QuizDaysCoverage,
  from: string,
  until: string,
): Promise<QuizAnswerTotals["rows"]> {
  if (until <= from) return [];
  if (coverage.totals?.from === from && coverage.totals.until === until) return coverage.totals.rows;
  const [summed] = await selectRows(
    db,
    sql`select (select generation from quiz_answer_coverage where organisation_id = ${organisationId}::uuid) as generation,
      coalesce((select jsonb_agg(t) from (select module_id, question_id, sum(answers)::int as answers, sum(wrong)::int as wrong from quiz_answer_days
        where organisation_id = ${organisationId}::uuid and day >= ${from}::date and day < ${until}::date group by 1, 2) t), '[]'::jsonb) as totals`,
    (row) => ({ generation: intOrNull(row, "generation"), totals: json<QuizAnswerTotals["rows"]>(row, "totals") }),
  );
  if (summed!.generation !== null) {
    await db.execute(sql`update quiz_answer_coverage set totals = ${JSON.stringify(summed!.totals)}::jsonb, totals_from = ${from}::date, totals_until = ${until}::date
      where organisation_id = ${organisationId}::uuid and generation = ${summed!.generation}`);
  }

  return summed!.totals;
}
