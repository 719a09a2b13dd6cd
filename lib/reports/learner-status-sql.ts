import { type SQL, sql } from "drizzle-orm";
import type { AssignmentTarget } from "./assignment-targets";

export type LearnerScope = {
  organisationId: string;
  targets: AssignmentTarget[];
  /** Extra conditions on the learners (alias m = memberships, u = users). */
  where?: SQL;
  /** Keyset batches (CSV export): learners after this (name, id), this many. */
  after?: { name: string; userId: string } | null;
  limit?: number;
};

function targetsCte(targets: AssignmentTarget[]): SQL {
  const rows = targets.flatMap((t) =>
    t.moduleIds.map(
      (moduleId) =>
        sql`(${t.id}::uuid, ${t.teamId}::uuid, ${moduleId}::text, ${t.moduleIds.length}::int, ${t.cycle.doneSince?.toISOString() ?? null}::timestamptz, ${t.cycle.lateUnlessSince?.toISOString() ?? null}::timestamptz, ${t.cycle.isPastDue}::boolean)`,
    ),
  );
  if (rows.length === 0) {
    return sql`select null::uuid as assignment_id, null::uuid as team_id, null::text as module_id, 0 as module_count, null::timestamptz as done_since, null::timestamptz as late_unless_since, false as is_past_due where false`;
  }

  return sql`select * from (values ${sql.join(rows, sql`, `)}) as v(assignment_id, team_id, module_id, module_count, done_since, late_unless_since, is_past_due)`;
}

/**
 * `with targets, learners, …, per_assignment, per_learner as (…)`: one row per learner and
 * assignment with its status, and one per learner with the overall status. The rules are those
 * of assignmentStatus() and overallStatus() in status.ts, written as aggregates so that the
 * database does the counting (GROUP BY) and only figures or one page come back. The
 * establishment's progress rows are grouped per learner and assignment first (one hash join on
 * module id), rather than probed per learner and module. Only progress made in this
 * establishment counts (module_progress.organisation_id), like every other report.
 */
export function learnerStatusCtes(scope: LearnerScope): SQL {
  const keyset = scope.after ? sql`and (lower(coalesce(u.name, '')), u.id) > (lower(${scope.after.name}), ${scope.after.userId}::uuid)` : sql``;
  const limit = scope.limit ? sql`order by lower(coalesce(u.name, '')), u.id limit ${scope.limit}` : sql``;

  return sql`with targets as (${targetsCte(scope.targets)}),
learners as (
  select m.user_id, m.team_id, coalesce(u.name, '') as name, u.email
  from memberships m join users u on u.id = m.user_id
  where m.organisation_id = ${scope.organisationId}::uuid and m.role = 'learner' and u.is_active
    ${scope.where ? sql`and ${scope.where}` : sql``} ${keyset}
  ${limit}
),
assignment_targets as (
  select distinct assignment_id, team_id, module_count, is_past_due from targets
),
progress_by_assignment as (
  select p.user_id, t.assignment_id,
    count(p.completed_at) filter (where t.done_since is null or coalesce(p.last_completed_at, p.completed_at) >= t.done_since) as done_n,
    count(p.completed_at) filter (where t.late_unless_since is null or coalesce(p.last_completed_at, p.completed_at) >= t.late_unless_since) as safe_n,
    count(*) filter (where t.done_since is null or p.last_activity_at >= t.done_since) as active_n
  from module_progress p join targets t on t.module_id = p.module_id
  where p.organisation_id = ${scope.organisationId}::uuid and p.user_id in (select user_id from learners)
  group by p.user_id, t.assignment_id
),
per_assignment as (
  select l.user_id, l.team_id, t.assignment_id,
    case
      when coalesce(pa.done_n, 0) >= t.module_count then 'done'
      when t.is_past_due and coalesce(pa.safe_n, 0) < t.module_count then 'late'
      when coalesce(pa.active_n, 0) > 0 then 'in_progress'
      else 'not_started'
    end as status
  from learners l
  join assignment_targets t on t.team_id is null or t.team_id = l.team_id
  left join progress_by_assignment pa on pa.user_id = l.user_id and pa.assignment_id = t.assignment_id
),
per_learner as (
  select l.user_id, l.team_id, l.name, l.email,
    count(pa.assignment_id)::int as assigned_count,
    (count(*) filter (where pa.status = 'done'))::int as done_count,
    case
      when count(pa.assignment_id) = 0 then null
      when bool_or(pa.status = 'late') then 'late'
      when bool_and(pa.status = 'done') then 'done'
      when bool_or(pa.status <> 'not_started') then 'in_progress'
      else 'not_started'
    end as status
  from learners l left join per_assignment pa on pa.user_id = l.user_id
  group by l.user_id, l.team_id, l.name, l.email
)`;
}

/** Rows of db.execute on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
