import { type SQL, sql } from "drizzle-orm";
import type { AssignmentTarget } from "./assignment-targets";
import type { LearnerStatus } from "@/lib/assignments/assignment-status";
import { type RawRow, int, intOrNull, instantOrNull, statusOrNull, text, textOrNull, ts } from "./sql-rows";

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

/**
 * assignmentStatus() in SQL for the membership m, read from its module_completions and
 * module_activity (the latest completion and last activity per module, kept by the triggers of
 * db/read-model/3-membership-progress.sql from the progress made in this establishment): 'done', 'late', 'in_progress' or
 * 'not_started', null outside the target's team or people. A CASE, so that most learners are decided on
 * their first elements; an element test is false for a missing element (no completion, no
 * activity, a module nobody has progressed in yet).
 */
export function membershipStatus(target: AssignmentTarget): SQL {
  const element = (column: "module_completions" | "module_activity", index: number, since: Date | null) => {
    const position = target.modulePositions[index];
    if (position === null || position === undefined) return sql`false`;
    if (!Number.isInteger(position)) throw new Error(`bad module position ${position}`);
    const value = sql`m.${sql.raw(column)}[${sql.raw(String(position))}]`;

    return since ? sql`coalesce(${value} >= ${ts(since)}, false)` : sql`${value} is not null`;
  };
  const all = (since: Date | null) =>
    sql.join(
      target.moduleIds.map((_, i) => element("module_completions", i, since)),
      sql` and `,
    );
  const any = sql.join(
    target.moduleIds.map((_, i) => element("module_activity", i, target.cycle.doneSince)),
    sql` or `,
  );
  // "is distinct from": a learner without a team is not in the assignment's team (= would give null).
  const outsideTeam = target.teamId ? sql`when m.team_id is distinct from ${target.teamId}::uuid then null` : sql``;
  const outside = target.userIds
    ? sql`${outsideTeam} when not (m.user_id = any(${`{${target.userIds.join(",")}}`}::uuid[])) then null`
    : outsideTeam;
  const late = target.cycle.isPastDue ? sql`when not (${all(target.cycle.lateUnlessSince)}) then 'late'` : sql``;

  return sql`case ${outside} when ${all(target.cycle.doneSince)} then 'done' ${late} when ${any} then 'in_progress' else 'not_started' end`;
}

/**
 * `with learners, per_assignment, per_learner as (…)`: one row per learner and assignment with
 * its status, and one per learner with the overall status. The rules are those of
 * assignmentStatus() and overallStatus() in lib/assignments/assignment-status.ts, decided from each membership alone
 * (membershipStatus()), as an array in assignment order, so that no join or GROUP BY over
 * learner × assignment pairs is needed (per_assignment reads the array once per assignment).
 * Only progress made in this establishment counts, like every other report; the learner's last
 * activity, time spent and count of completed modules (assigned or not) come from the membership too.
 */
export function learnerStatusCtes(scope: LearnerScope): SQL {
  const keyset = scope.after
    ? sql`and (lower(coalesce(u.name, '')), u.id) > (lower(${scope.after.name}), ${scope.after.userId}::uuid)`
    : sql``;
  const limit = scope.page
    ? sql`order by ${scope.page.orderBy} limit ${scope.page.limit} offset ${scope.page.offset}`
    : scope.limit
      ? sql`order by lower(coalesce(u.name, '')), u.id limit ${scope.limit}`
      : sql``;
  const statuses =
    scope.targets.length > 0
      ? sql`array[${sql.join(scope.targets.map(membershipStatus), sql`, `)}]::text[]`
      : sql`array[]::text[]`;
  // One scan of the learners' rows per assignment (few): cheaper than unnesting an array per learner.
  const perAssignment =
    scope.targets.length > 0
      ? sql.join(
          scope.targets.map(
            (t, i) =>
              sql`select user_id, team_id, ${t.id}::uuid as assignment_id, statuses[${sql.raw(String(i + 1))}] as status from learners where statuses[${sql.raw(String(i + 1))}] is not null`,
          ),
          sql` union all `,
        )
      : sql`select null::uuid as user_id, null::uuid as team_id, null::uuid as assignment_id, null::text as status where false`;
  // Every module completed in this establishment, assigned or not (one element per module).
  const columns = sql`m.user_id, m.team_id, m.last_activity_at, m.time_spent_seconds, coalesce(cardinality(array_remove(m.module_completions, null)), 0) as completed_modules, ${statuses} as statuses, coalesce(u.name, '') as name, u.email`;

  const learners = scope.page?.membershipsOnly
    ? sql`select ${columns}
  from (select m.user_id, m.team_id, m.module_completions, m.module_activity, m.last_activity_at, m.time_spent_seconds from memberships m
    where m.organisation_id = ${scope.organisationId}::uuid and m.role = 'learner' and ${isActiveMember}
      ${scope.where ? sql`and ${scope.where}` : sql``}
    ${limit}) m
  cross join lateral (${userOf}) u`
    : sql`select ${columns}
  from memberships m cross join lateral (${userOf}) u
  where m.organisation_id = ${scope.organisationId}::uuid and m.role = 'learner' and u.is_active
    ${scope.where ? sql`and ${scope.where}` : sql``} ${keyset}
  ${limit}`;

  return sql`with learners as (
  ${learners}
),
per_assignment as (${perAssignment}),
per_learner as (
  select user_id, team_id, name, email, last_activity_at, time_spent_seconds, completed_modules, assigned_count, done_count,
    case
      when assigned_count = 0 then null
      when 'late' = any(statuses) then 'late'
      when done_count = assigned_count then 'done'
      when cardinality(array_positions(statuses, 'not_started')) < assigned_count then 'in_progress'
      else 'not_started'
    end as status
  from (select l.*, cardinality(array_remove(l.statuses, null)) as assigned_count, cardinality(array_positions(l.statuses, 'done')) as done_count from learners l) counted
)`;
}

/**
 * The membership m's user, looked up by primary key. The LIMIT keeps the planner from turning it
 * into a hash join over the whole users table, which it prefers for a few thousand learners and
 * which grows with the whole region's users, not the establishment's.
 */
export const userOf = sql`select u.name, u.email, u.is_active, u.id from users u where u.id = m.user_id limit 1`;

/** A learner of the scope as reports show them: per_learner (alias pl) joined to the team (t). */
export type LearnerRow = {
  userId: string;
  name: string;
  email: string | null;
  teamName: string | null;
  status: LearnerStatus | null;
  assignedCount: number;
  doneCount: number;
  /** Modules completed in this establishment, whether an assignment asked for them or not. */
  completedModules: number;
  lastActivityAt: Date | null;
  timeSpentSeconds: number;
};

/** The columns toLearnerRow() reads, from per_learner pl left join teams t. */
export const learnerRowColumns = sql`pl.user_id, pl.name, pl.email, t.name as team_name, pl.status, pl.assigned_count, pl.done_count, pl.completed_modules, pl.last_activity_at, pl.time_spent_seconds::int as time_spent_seconds`;

export function toLearnerRow(row: RawRow): LearnerRow {
  return {
    userId: text(row, "user_id"),
    name: text(row, "name"),
    email: textOrNull(row, "email"),
    teamName: textOrNull(row, "team_name"),
    status: statusOrNull(row, "status"),
    assignedCount: int(row, "assigned_count"),
    doneCount: int(row, "done_count"),
    completedModules: intOrNull(row, "completed_modules") ?? 0,
    lastActivityAt: instantOrNull(row, "last_activity_at"),
    timeSpentSeconds: intOrNull(row, "time_spent_seconds") ?? 0,
  };
}
