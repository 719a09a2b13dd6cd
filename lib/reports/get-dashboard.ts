import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { type AssignmentTarget, loadAssignmentTargets } from "./assignment-targets";
import { activeSince, completedSince, isActiveMember, rowsOf, ts } from "./learner-status-sql";
import { type LearnerStatus, learnerStatuses, overallStatus, statusFromCounts } from "./status";

export type StatusCounts = Record<LearnerStatus, number>;
export type Breakdown = { id: string | null; label: string; counts: StatusCounts; total: number; rate: number };
export type Dashboard = {
  /** Learner-assignment pairs done over pairs assigned, 0–1 (0 when nothing is assigned). */
  completionRate: number;
  assignmentCounts: StatusCounts;
  /** Learners by overall status (late if any assignment is late, done if all are). */
  learnerCounts: StatusCounts;
  learnersWithoutAssignment: number;
  bySubject: Breakdown[];
  byTeam: Breakdown[];
  /** Modules completed per month, the last 12 months, oldest first (month YYYY-MM). */
  trend: { month: string; completions: number }[];
};

const emptyCounts = (): StatusCounts => ({ late: 0, not_started: 0, in_progress: 0, done: 0 });

function breakdown(id: string | null, label: string, counts: StatusCounts): Breakdown {
  const total = learnerStatuses.reduce((sum, s) => sum + counts[s], 0);

  return { id, label, counts, total, rate: total === 0 ? 0 : counts.done / total };
}

/**
 * The establishment's figures, counted by the database: one pass over its progress rows gives,
 * per learner, how many modules of each assignment are done this cycle, done since the late
 * boundary and active this cycle (as learner-status-sql.ts counts them); the learners are then
 * grouped by team and those counts, so that a few hundred groups come back, whose statuses are
 * decided here with the rules of status.ts and multiplied by the group's size.
 */
export async function getDashboard(db: Db, options: { organisationId: string; catalogue: Catalogue; asOf: Date; teams: { id: string; name: string }[] }): Promise<Dashboard> {
  const { organisationId, asOf } = options;
  // The last 12 months (UTC), oldest first, each counted as a range of the partial index on
  // (organisation_id, completed_at): an index-only count per month rather than grouping the rows.
  const monthStarts = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 11 + i, 1)));
  const months = monthStarts.slice(0, 12).map((start) => start.toISOString().slice(0, 7));
  const ranges = sql.join(months.map((_, i) => sql`(${sql.raw(String(i))}, ${ts(monthStarts[i]!)}, ${ts(monthStarts[i + 1]!)})`), sql`, `);
  // The trend beside the figures, on another connection, from the start: it needs no assignment.
  const [groups, trend] = await Promise.all([
    loadAssignmentTargets(db, options).then(async (targets) => ({ targets, result: await db.execute(dashboardGroupsStatement(organisationId, targets)) })),
    db.execute(sql`select r.i, (select count(*) from module_progress p where p.organisation_id = ${organisationId}::uuid
        and p.completed_at >= r.start and p.completed_at < r.next and p.completed_at <= ${ts(asOf)})::int as n
      from (values ${ranges}) as r (i, start, next)`),
  ]);
  const { targets } = groups;
  const completionsByMonth = new Map(rowsOf<{ i: number; n: number }>(trend).map((row) => [Number(row.i), Number(row.n)]));

  const all = emptyCounts();
  const learnerCounts = emptyCounts();
  let learnersWithoutAssignment = 0;
  const bySubject = new Map<string, { label: string; counts: StatusCounts }>();
  const byTeam = new Map<string | null, StatusCounts>();
  for (const group of rowsOf<Record<string, string | number | null>>(groups.result)) {
    const teamId = group.team_id as string | null;
    const n = Number(group.n);
    const statuses: LearnerStatus[] = [];
    for (const [i, target] of targets.entries()) {
      // Outside the assignment's team ("is distinct from": a learner without a team is outside any team's).
      if (target.teamId && target.teamId !== teamId) continue;
      const status = statusFromCounts(target.cycle, target.moduleIds.length, { doneThisCycle: Number(group[`d${i}`] ?? 0), doneSinceLateBoundary: Number(group[`s${i}`] ?? 0), activeThisCycle: Number(group[`a${i}`] ?? 0) });
      statuses.push(status);
      all[status] += n;
      const key = `${target.subjectType}:${target.subjectId}`;
      const entry = bySubject.get(key) ?? { label: target.subjectTitle, counts: emptyCounts() };
      entry.counts[status] += n;
      bySubject.set(key, entry);
      const counts = byTeam.get(teamId) ?? emptyCounts();
      counts[status] += n;
      byTeam.set(teamId, counts);
    }
    const overall = overallStatus(statuses);
    if (overall) learnerCounts[overall] += n;
    else learnersWithoutAssignment += n;
  }
  const teamName = new Map(options.teams.map((t) => [t.id, t.name]));

  return {
    completionRate: breakdown(null, "", all).rate,
    assignmentCounts: all,
    learnerCounts,
    learnersWithoutAssignment,
    bySubject: [...bySubject].map(([id, entry]) => breakdown(id, entry.label, entry.counts)),
    byTeam: [...byTeam].map(([id, counts]) => breakdown(id, id ? (teamName.get(id) ?? "") : "", counts)).sort((a, b) => a.rate - b.rate),
    trend: months.map((month, i) => ({ month, completions: completionsByMonth.get(i) ?? 0 })),
  };
}

/**
 * The establishment's active learners grouped by team and, for each assignment i, the counts
 * d{i} (modules done this cycle), s{i} (done since the late boundary) and a{i} (active this
 * cycle), null when the learner has no progress row: the rules of learner-status-sql.ts, with
 * each progress row's module turned into a number once (mi, a bit of each assignment's mask),
 * so that the filtered counts compare integers and instants rather than module ids. Only progress
 * made in this establishment counts, like every other report. Deactivated users are found
 * through a partial index of the inactive ones rather than by looking every learner up.
 */
export function dashboardGroupsStatement(organisationId: string, targets: AssignmentTarget[]): SQL {
  const moduleIds = [...new Set(targets.flatMap((t) => t.moduleIds))];
  if (moduleIds.length > 62) throw new Error("more than 62 assigned modules: the dashboard's module masks would overflow");
  const columns = targets.flatMap((_, i) => ["d", "s", "a"].map((c) => sql.raw(`lp.${c}${i}`)));
  const counts = targets.flatMap((t, i) => {
    const mask = t.moduleIds.reduce((bits, id) => bits | (1n << BigInt(moduleIds.indexOf(id))), 0n);
    const inTarget = sql`(${sql.raw(String(mask))}::bigint >> p.mi) & 1 = 1`;
    const latestSince = (since: Date | null) => (since ? sql`p.latest >= ${ts(since)}` : sql`p.latest is not null`);

    return [
      sql`count(*) filter (where ${inTarget} and ${latestSince(t.cycle.doneSince)})::int as d${sql.raw(String(i))}`,
      sql`count(*) filter (where ${inTarget} and ${latestSince(t.cycle.lateUnlessSince)})::int as s${sql.raw(String(i))}`,
      sql`count(*) filter (where ${inTarget}${t.cycle.doneSince ? sql` and p.last_activity_at >= ${ts(t.cycle.doneSince)}` : sql``})::int as a${sql.raw(String(i))}`,
    ];
  });
  const moduleNumber = sql`case p.module_id ${sql.join(moduleIds.map((id, i) => sql`when ${id} then ${sql.raw(String(i))}`), sql` `)} end`;
  // "offset 0" keeps the inner rows a subquery, so that mi and latest are computed once per row.
  const progress =
    targets.length > 0
      ? sql`left join (select p.user_id, ${sql.join(counts, sql`, `)}
        from (select p.user_id, ${moduleNumber} as mi, case when p.completed_at is not null then coalesce(p.last_completed_at, p.completed_at) end as latest, p.last_activity_at
          from module_progress p where p.organisation_id = ${organisationId}::uuid offset 0) p
        where p.mi is not null
        group by p.user_id) lp on lp.user_id = m.user_id`
      : sql``;

  return sql`select m.team_id, ${sql.join(columns.map((c) => sql`${c}, `), sql``)} count(*)::int as n
    from memberships m ${progress}
    where m.organisation_id = ${organisationId}::uuid and m.role = 'learner'
      and ${isActiveMember}
    group by m.team_id ${sql.join(columns.map((c) => sql`, ${c}`), sql``)}`;
}
