import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { AssignmentTarget } from "./assignment-targets";

export type LearnerScope = {
  organisationId: string;
  targets: AssignmentTarget[];
  /** Extra conditions on the learners (alias m = memberships, u = users). */
  where?: SQL;
  /** Keyset batches (CSV export): learners after this (name, id), this many. */
  after?: { name: string; userId: string } | null;
  limit?: number;
  /**
   * One page of learners in a given order (m, u columns), before any status is computed. With
   * `membershipsOnly`, the order and `where` name memberships' columns only (m.sort_name, m.team_id):
   * the page is then taken from the memberships and only its learners' user rows are read.
   */
  page?: { orderBy: SQL; limit: number; offset: number; membershipsOnly?: boolean };
};

/** The membership m's user is active: an anti-join on the partial index of deactivated users. */
export const isActiveMember = sql`not exists (select 1 from users inactive where inactive.id = m.user_id and not inactive.is_active)`;

/** An instant as a query parameter of type timestamptz (null stays null). */
export const ts = (value: Date | null) => sql`${value?.toISOString() ?? null}::timestamptz`;

/** Modules of the target completed at or after `since` (null: ever), judged on the latest completion. */
export function completedSince(target: AssignmentTarget, since: Date | null): SQL {
  const modules = sql.join(target.moduleIds.map((id) => sql`${id}`), sql`, `);

  return since
    ? sql`count(p.completed_at) filter (where p.module_id in (${modules}) and coalesce(p.last_completed_at, p.completed_at) >= ${ts(since)})::int`
    : sql`count(p.completed_at) filter (where p.module_id in (${modules}))::int`;
}

/** The target's modules with activity in the current cycle (any, without renewal). */
export function activeSince(target: AssignmentTarget): SQL {
  const modules = sql.join(target.moduleIds.map((id) => sql`${id}`), sql`, `);

  return target.cycle.doneSince ? sql`count(*) filter (where p.module_id in (${modules}) and p.last_activity_at >= ${ts(target.cycle.doneSince)})::int` : sql`count(*) filter (where p.module_id in (${modules}))::int`;
}

/** Where each module's element is in memberships.module_completions and module_activity (module_keys). */
export type ModulePositions = ReadonlyMap<string, number>;

export async function loadModulePositions(db: Db): Promise<ModulePositions> {
  const rows = rowsOf<{ module_id: string; position: number }>(await db.execute(sql`select module_id, position from module_keys`));

  return new Map(rows.map((row) => [row.module_id, Number(row.position)]));
}

/**
 * assignmentStatus() in SQL for the membership m, read from its module_completions and
 * module_activity (the latest completion and last activity per module, kept by the triggers of
 * migration 0007): 'done', 'late', 'in_progress' or 'not_started', null outside the target's
 * team. A CASE, so that most learners are decided on their first elements; each element test is
 * false for a missing element (no completion, no activity, a module nobody has progressed in).
 */
export function membershipStatus(target: AssignmentTarget, positions: ModulePositions): SQL {
  const element = (column: "module_completions" | "module_activity", moduleId: string, since: Date | null) => {
    const position = positions.get(moduleId);
    if (position === undefined) return sql`false`;
    if (!Number.isInteger(position)) throw new Error(`bad module position ${position}`);
    const value = sql`m.${sql.raw(column)}[${sql.raw(String(position))}]`;

    return since ? sql`coalesce(${value} >= ${ts(since)}, false)` : sql`${value} is not null`;
  };
  const all = (since: Date | null) => sql.join(target.moduleIds.map((id) => element("module_completions", id, since)), sql` and `);
  const any = sql.join(target.moduleIds.map((id) => element("module_activity", id, target.cycle.doneSince)), sql` or `);
  const outside = target.teamId ? sql`when m.team_id is distinct from ${target.teamId}::uuid then null` : sql``;
  const late = target.cycle.isPastDue ? sql`when not (${all(target.cycle.lateUnlessSince)}) then 'late'` : sql``;

  return sql`case ${outside} when ${all(target.cycle.doneSince)} then 'done' ${late} when ${any} then 'in_progress' else 'not_started' end`;
}

/** assignmentStatus() in SQL, for target number i of a learner row l with counts pu.d{i}, pu.s{i}, pu.a{i}; null when it does not apply to them. */
function statusCase(target: AssignmentTarget, i: number): SQL {
  const n = target.moduleIds.length;
  // "is distinct from": a learner without a team is not in the assignment's team (= would give null).
  const outside = target.teamId ? sql`l.team_id is distinct from ${target.teamId}::uuid` : sql`false`;
  const late = target.cycle.isPastDue ? sql`when coalesce(pu.s${sql.raw(String(i))}, 0) < ${n} then 'late'` : sql``;

  return sql`case when ${outside} then null
      when coalesce(pu.d${sql.raw(String(i))}, 0) >= ${n} then 'done' ${late}
      when coalesce(pu.a${sql.raw(String(i))}, 0) > 0 then 'in_progress'
      else 'not_started' end`;
}

/**
 * `with learners, learner_progress, learner_statuses, per_assignment, per_learner as (…)`: one
 * row per learner and assignment with its status, and one per learner with the overall status.
 * The rules are those of assignmentStatus() and overallStatus() in status.ts. The establishment's
 * progress rows are read once and folded per learner, with three counts per assignment (modules
 * done this cycle, done since the cycle before, active this cycle) as filtered aggregates;
 * each learner's statuses are then computed on their own row, as an array in assignment order,
 * so that no join or GROUP BY over learner × assignment pairs is needed (per_assignment reads
 * the array once per assignment). Only progress made in
 * this establishment counts (module_progress.organisation_id), like every other report; the
 * learner's last activity and time spent come from the same rows.
 */
export function learnerStatusCtes(scope: LearnerScope): SQL {
  const keyset = scope.after ? sql`and (lower(coalesce(u.name, '')), u.id) > (lower(${scope.after.name}), ${scope.after.userId}::uuid)` : sql``;
  const limit = scope.page
    ? sql`order by ${scope.page.orderBy} limit ${scope.page.limit} offset ${scope.page.offset}`
    : scope.limit
      ? sql`order by lower(coalesce(u.name, '')), u.id limit ${scope.limit}`
      : sql``;
  // Reading every progress row of the establishment is cheaper than probing them per learner, unless the learners are a subset.
  const onlyThem = scope.where || scope.after || scope.limit || scope.page ? sql`and p.user_id in (select user_id from learners)` : sql``;
  const counts = scope.targets.flatMap((t, i) => [
    sql`${completedSince(t, t.cycle.doneSince)} as d${sql.raw(String(i))}`,
    sql`${completedSince(t, t.cycle.lateUnlessSince)} as s${sql.raw(String(i))}`,
    sql`${activeSince(t)} as a${sql.raw(String(i))}`,
  ]);
  const statuses = scope.targets.length > 0 ? sql`array[${sql.join(scope.targets.map(statusCase), sql`, `)}]::text[]` : sql`array[]::text[]`;
  // One scan of the learners' rows per assignment (few): cheaper than unnesting an array per learner.
  const perAssignment =
    scope.targets.length > 0
      ? sql.join(
          scope.targets.map((t, i) => sql`select user_id, team_id, ${t.id}::uuid as assignment_id, statuses[${sql.raw(String(i + 1))}] as status from learner_statuses where statuses[${sql.raw(String(i + 1))}] is not null`),
          sql` union all `,
        )
      : sql`select null::uuid as user_id, null::uuid as team_id, null::uuid as assignment_id, null::text as status where false`;

  const learners = scope.page?.membershipsOnly
    ? sql`select m.user_id, m.team_id, coalesce(u.name, '') as name, u.email
  from (select m.user_id, m.team_id from memberships m
    where m.organisation_id = ${scope.organisationId}::uuid and m.role = 'learner' and ${isActiveMember}
      ${scope.where ? sql`and ${scope.where}` : sql``}
    ${limit}) m
  cross join lateral (${userOf}) u`
    : sql`select m.user_id, m.team_id, coalesce(u.name, '') as name, u.email
  from memberships m cross join lateral (${userOf}) u
  where m.organisation_id = ${scope.organisationId}::uuid and m.role = 'learner' and u.is_active
    ${scope.where ? sql`and ${scope.where}` : sql``} ${keyset}
  ${limit}`;

  return sql`with learners as (
  ${learners}
),
learner_progress as (
  select p.user_id, max(p.last_activity_at) as last_activity_at, sum(p.time_spent_seconds)::int as time_spent_seconds
    ${counts.length > 0 ? sql`, ${sql.join(counts, sql`, `)}` : sql``}
  from module_progress p
  where p.organisation_id = ${scope.organisationId}::uuid ${onlyThem}
  group by p.user_id
),
learner_statuses as (
  select l.user_id, l.team_id, l.name, l.email, pu.last_activity_at, coalesce(pu.time_spent_seconds, 0) as time_spent_seconds, ${statuses} as statuses
  from learners l left join learner_progress pu on pu.user_id = l.user_id
),
per_assignment as (${perAssignment}),
per_learner as (
  select user_id, team_id, name, email, last_activity_at, time_spent_seconds, assigned_count, done_count,
    case
      when assigned_count = 0 then null
      when 'late' = any(statuses) then 'late'
      when done_count = assigned_count then 'done'
      when cardinality(array_positions(statuses, 'not_started')) < assigned_count then 'in_progress'
      else 'not_started'
    end as status
  from (select s.*, cardinality(array_remove(s.statuses, null)) as assigned_count, cardinality(array_positions(s.statuses, 'done')) as done_count from learner_statuses s) counted
)`;
}

/**
 * The membership m's user, looked up by primary key. The LIMIT keeps the planner from turning it
 * into a hash join over the whole users table, which it prefers for a few thousand learners and
 * which grows with the region (415,000 users: a 50 ms scan for an establishment's 8,000).
 */
export const userOf = sql`select u.name, u.email, u.is_active, u.id from users u where u.id = m.user_id limit 1`;

/** Rows of db.execute on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
