import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "./learner-status-sql";

/**
 * A UTC day of reception is counted once this many days have passed since it began: the player's
 * events are received at the database's clock (received_at defaults to now()), so nothing of a day
 * that has ended can still arrive except from a transaction that began before midnight and has
 * not committed yet, for which the extra day is the margin. Anyone else who writes an event with
 * an older received_at fires the trigger of migration 0006, which throws the counts away.
 */
export const CLOSED_AFTER_DAYS = 1;

/**
 * Brings the establishment's counted quiz answers (quiz_answer_days) up to the last closed day
 * and says up to when they go: every quiz_submitted event received before the instant
 * returned (a UTC midnight) is counted there, none after; null: nothing is counted. Counts only
 * the days not counted yet, under a lock on the establishment's coverage row that the triggers
 * on learning_events also take, so that a count never misses an event written beside it.
 */
export async function countClosedQuizDays(db: Db, organisationId: string): Promise<Date | null> {
  type Coverage = { closed_before: string | Date | null; target: string | Date };
  const coverage = (query: ReturnType<typeof sql>) => async (runner: Pick<Db, "execute">) => rowsOf<Coverage>(await runner.execute(query))[0];
  const target = sql`date_trunc('day', now() - interval '${sql.raw(String(CLOSED_AFTER_DAYS))} days', 'UTC')`;
  const asDate = (value: string | Date | null) => (value === null ? null : new Date(value));
  const isCurrent = (row: Coverage | undefined) => row?.closed_before != null && asDate(row.closed_before)! >= asDate(row.target)!;

  const seen = await coverage(sql`select c.closed_before, ${target} as target from (select 1) one left join quiz_answer_coverage c on c.organisation_id = ${organisationId}::uuid`)(db);
  if (isCurrent(seen)) return asDate(seen!.closed_before);

  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into quiz_answer_coverage (organisation_id) values (${organisationId}::uuid) on conflict (organisation_id) do nothing`);
    const row = (await coverage(sql`select closed_before, ${target} as target from quiz_answer_coverage where organisation_id = ${organisationId}::uuid for update`)(tx))!;
    if (isCurrent(row)) return asDate(row.closed_before);
    const from = asDate(row.closed_before);
    const until = asDate(row.target)!;
    if (!from) await tx.execute(sql`delete from quiz_answer_days where organisation_id = ${organisationId}::uuid`);
    // The days in [from, until) are not counted yet: plain inserts, no conflict with the rows there.
    await tx.execute(sql`insert into quiz_answer_days (organisation_id, day, module_id, question_id, answers, wrong)
      select e.organisation_id, (e.received_at at time zone 'UTC')::date, e.module_id, q->>'questionId', count(*)::int, (count(*) filter (where q->>'correct' = 'false'))::int
      from learning_events e cross join lateral jsonb_array_elements(e.payload->'result'->'questions') q
      where e.organisation_id = ${organisationId}::uuid and e.kind = 'quiz_submitted' and e.received_at < ${until.toISOString()}::timestamptz
        ${from ? sql`and e.received_at >= ${from.toISOString()}::timestamptz` : sql``}
      group by 1, 2, 3, 4`);
    await tx.execute(sql`update quiz_answer_coverage set closed_before = ${until.toISOString()}::timestamptz where organisation_id = ${organisationId}::uuid`);

    return until;
  });
}
