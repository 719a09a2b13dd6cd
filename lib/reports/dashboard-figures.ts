import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowsOf } from "./learner-status-sql";

export type FigureRow = Record<string, string | number | null>;

/**
 * Which learners a count covers: those of these teams and, with `withoutTeam`, those without a
 * team; null: every learner of the establishment.
 */
export type LearnerChunks = { teamIds: string[]; withoutTeam: boolean } | null;

type CacheRow = {
  part: string;
  generation: number | null;
  armed: boolean | null;
  cached_generation: number | null;
  statement_key: string | null;
  figures: FigureRow[] | null;
};

/**
 * The establishment's parts of dashboard_cache as they are now (migration 0009): one per team and
 * one for the learners without a team (`learners:<team id>`, `learners:none`, as
 * dashboard_learners_part() names them), and `months`, whether counted yet or not.
 */
export type DashboardCache = Map<string, CacheRow>;

const dialect = new PgDialect();
const learnersPart = (teamId: string | null) => `learners:${teamId ?? "none"}`;

export async function readDashboardCache(db: Db, organisationId: string): Promise<DashboardCache> {
  const rows = rowsOf<CacheRow>(
    await db.execute(sql`select p.part, c.generation, c.armed, c.cached_generation, c.statement_key, c.figures
      from (select dashboard_learners_part(t.id) as part from teams t where t.organisation_id = ${organisationId}::uuid
        union all select dashboard_learners_part(null) union all select 'months') p
      left join dashboard_cache c on c.organisation_id = ${organisationId}::uuid and c.part = p.part`),
  );

  return new Map(
    rows.map((row) => [
      row.part,
      {
        ...row,
        generation: row.generation === null ? null : Number(row.generation),
        cached_generation: row.cached_generation === null ? null : Number(row.cached_generation),
      },
    ]),
  );
}

/** What a part is counted by: SHA-256 of its statement's text and parameters (assignments, cycles, modules; months). */
export function statementKey(statement: SQL): string {
  const query = dialect.sqlToQuery(statement);

  return createHash("sha256").update(query.sql).update("\0").update(JSON.stringify(query.params)).digest("hex");
}

/**
 * The dashboard's counts: the learners' rows (grouped by team_id; `learners` counts the chunks it
 * is given) and the past months' rows. Each part (each team, the learners without a team, the
 * months) comes from dashboard_cache when it was counted by the same statement and nothing it is
 * counted from has been written since (the row is still armed for the generation it was counted
 * in); the others are counted now, together, and kept. A progress write thus makes only its
 * learner's team counted again.
 *
 * Counting again: (1) arm the stale parts (a new generation each) under the establishment's
 * advisory lock in exclusive mode, which waits for the writers holding it shared, and commit;
 * (2) count, in snapshots taken after the arming, so that every write is either counted or
 * clears `armed` afterwards; (3) keep each part's rows only if it is still armed for that
 * generation. The rows returned are always those just counted, beside the parts still valid.
 */
export async function countedFigures(
  db: Db,
  organisationId: string,
  statements: { learners: (chunks: LearnerChunks) => SQL; months: SQL },
  cache: DashboardCache,
): Promise<{ learners: FigureRow[]; months: FigureRow[] }> {
  const keys = { learners: statementKey(statements.learners(null)), months: statementKey(statements.months) };
  const keyOf = (part: string) => (part === "months" ? keys.months : keys.learners);
  const isValid = (row: CacheRow) =>
    row.armed && row.figures && row.cached_generation === row.generation && row.statement_key === keyOf(row.part);
  const stale = [...cache.values()].filter((row) => !isValid(row)).map((row) => row.part);
  const staleLearners = stale.filter((part) => part !== "months");
  const cachedLearners = [...cache.values()]
    .filter((row) => row.part !== "months" && !staleLearners.includes(row.part))
    .flatMap((row) => row.figures!);
  if (stale.length === 0) return { learners: cachedLearners, months: cache.get("months")!.figures! };

  const armed = rowsOf<{ armed_part: string; armed_generation: string | number }>(
    await db.execute(
      sql`select armed_part, armed_generation from dashboard_cache_arm(${organisationId}::uuid, ${JSON.stringify(stale)}::jsonb)`,
    ),
  );
  const generations = new Map(armed.map((row) => [row.armed_part, Number(row.armed_generation)]));
  const allLearners = staleLearners.length === cache.size - 1;
  const chunks: LearnerChunks = allLearners
    ? null
    : {
        teamIds: staleLearners
          .filter((part) => part !== learnersPart(null))
          .map((part) => part.slice("learners:".length)),
        withoutTeam: staleLearners.includes(learnersPart(null)),
      };
  const [learners, months] = await Promise.all([
    staleLearners.length > 0 ? db.execute(statements.learners(chunks)).then((result) => rowsOf<FigureRow>(result)) : [],
    stale.includes("months")
      ? db.execute(statements.months).then((result) => rowsOf<FigureRow>(result))
      : cache.get("months")!.figures!,
  ]);
  const kept = stale.map((part) => ({
    part,
    generation: generations.get(part)!,
    statement_key: keyOf(part),
    figures: part === "months" ? months : learners.filter((row) => learnersPart(row.team_id as string | null) === part),
  }));
  await db.execute(sql`select dashboard_cache_keep(${organisationId}::uuid, ${JSON.stringify(kept)}::jsonb)`);

  return { learners: [...cachedLearners, ...learners], months };
}
