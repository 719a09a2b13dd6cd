import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import type { AssignmentTarget } from "./assignment-targets";
import { isActiveMember, membershipStatus } from "./learner-statuses";
import { type RawRow, int, intOrNull, json, selectRows, text, textOrNull } from "./sql-rows";

export type FigureRow = Record<string, string | number | null>;

/** A row of counts as kept in dashboard_cache.figures (jsonb): team id, statuses, numbers. */
export function figureRow(row: RawRow): FigureRow {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value === null || typeof value === "string" || typeof value === "number" ? value : String(value),
    ]),
  );
}

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
 * The establishment's parts of dashboard_cache as they are now (db/read-model/4-dashboard-cache.sql): one per team and
 * one for the learners without a team (`learners:<team id>`, `learners:none`, as
 * dashboard_learners_part() names them), and `months`, whether counted yet or not.
 */
export type DashboardCache = Map<string, CacheRow>;

const dialect = new PgDialect();
const learnersPart = (teamId: string | null) => `learners:${teamId ?? "none"}`;

export async function readDashboardCache(db: Db, organisationId: string): Promise<DashboardCache> {
  const rows = await selectRows(
    db,
    sql`select p.part, c.generation, c.armed, c.cached_generation, c.statement_key, c.figures
      from (select dashboard_learners_part(t.id) as part from teams t where t.organisation_id = ${organisationId}::uuid
        union all select dashboard_learners_part(null) union all select 'months') p
      left join dashboard_cache c on c.organisation_id = ${organisationId}::uuid and c.part = p.part`,
    (row): CacheRow => ({
      part: text(row, "part"),
      generation: intOrNull(row, "generation"),
      armed: row.armed === null ? null : row.armed === true,
      cached_generation: intOrNull(row, "cached_generation"),
      statement_key: textOrNull(row, "statement_key"),
      figures: json<FigureRow[] | null>(row, "figures"),
    }),
  );

  return new Map(rows.map((row) => [row.part, row]));
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

  const armed = await selectRows(
    db,
    sql`select armed_part, armed_generation from dashboard_cache_arm(${organisationId}::uuid, ${JSON.stringify(stale)}::jsonb)`,
    (row) => [text(row, "armed_part"), int(row, "armed_generation")] as const,
  );
  const generations = new Map(armed);
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
    staleLearners.length > 0 ? selectRows(db, statements.learners(chunks), figureRow) : [],
    stale.includes("months") ? selectRows(db, statements.months, figureRow) : cache.get("months")!.figures!,
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

/**
 * The establishment's active learners grouped by team and their status for each assignment
 * (column st{i}, null outside the assignment's team), decided by membershipStatus() from each
 * membership's module_completions and module_activity, which the triggers of db/read-model/3-membership-progress.sql keep
 * from the progress made in this establishment: one scan of the memberships, no progress row
 * read. Deactivated users are found through a partial index of the inactive ones rather than by
 * looking every learner up. With `chunks`, only the learners of those teams (and those without a
 * team, if asked), found by the (organisation_id, team_id) index of the learners.
 */
export function dashboardGroupsStatement(
  organisationId: string,
  targets: AssignmentTarget[],
  chunks: LearnerChunks = null,
): SQL {
  const statuses = targets.map((t, i) => sql`${membershipStatus(t)} as ${sql.raw(`st${i}`)}`);
  const inTeams =
    chunks && chunks.teamIds.length > 0
      ? sql`m.team_id in (${sql.join(
          chunks.teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : null;
  const only = !chunks
    ? sql``
    : inTeams && chunks.withoutTeam
      ? sql`and (${inTeams} or m.team_id is null)`
      : inTeams
        ? sql`and ${inTeams}`
        : chunks.withoutTeam
          ? sql`and m.team_id is null`
          : sql`and false`;

  return sql`select m.team_id, ${sql.join(
    statuses.map((status) => sql`${status}, `),
    sql``,
  )} count(*)::int as n
    from memberships m
    where m.organisation_id = ${organisationId}::uuid and m.role = 'learner' ${only}
      and ${isActiveMember}
    group by ${sql.join([sql`m.team_id`, ...statuses.map((_, j) => sql.raw(String(j + 2)))], sql`, `)}`;
}
