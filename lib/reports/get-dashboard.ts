import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "./assignment-targets";
import { learnerStatusCtes, rowsOf } from "./learner-status-sql";
import { type LearnerStatus, learnerStatuses } from "./status";

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

/** The establishment's figures, counted by the database (GROUP BY): only totals come back. */
export async function getDashboard(db: Db, options: { organisationId: string; catalogue: Catalogue; asOf: Date; teams: { id: string; name: string }[] }): Promise<Dashboard> {
  const { organisationId, asOf } = options;
  const targets = await loadAssignmentTargets(db, options);
  const ctes = learnerStatusCtes({ organisationId, targets });
  const since = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 11, 1));
  // The figures in one statement, so that the CTEs are computed once for the breakdowns and the
  // learner counts; the trend beside it, on another connection.
  const [figures, trend] = await Promise.all([
    db.execute(sql`${ctes}
      select assignment_id, team_id, case when grouping(assignment_id) = 0 then 'assignment' when grouping(team_id) = 0 then 'team' else 'all' end as by, status, count(*)::int as n
      from per_assignment group by grouping sets ((assignment_id, status), (team_id, status), (status))
      union all
      select null, null, 'learner', status, count(*)::int from per_learner group by status`),
    db.execute(sql`select to_char(date_trunc('month', completed_at), 'YYYY-MM') as month, count(*)::int as n from module_progress
      where organisation_id = ${organisationId}::uuid and completed_at >= ${since.toISOString()}::timestamptz and completed_at <= ${asOf.toISOString()}::timestamptz group by 1`),
  ]);
  const rows = rowsOf<{ assignment_id: string | null; team_id: string | null; by: string; status: LearnerStatus | null; n: number }>(figures);
  const pairs = rows.filter((row): row is typeof row & { status: LearnerStatus } => row.by !== "learner");
  const learners = rows.filter((row) => row.by === "learner");
  const trendRows = rowsOf<{ month: string; n: number }>(trend);

  const all = emptyCounts();
  const bySubject = new Map<string, { label: string; counts: StatusCounts }>();
  const byTeam = new Map<string | null, StatusCounts>();
  for (const row of pairs) {
    if (row.by === "all") all[row.status] += row.n;
    if (row.by === "assignment") {
      const target = targets.find((t) => t.id === row.assignment_id)!;
      const key = `${target.subjectType}:${target.subjectId}`;
      const entry = bySubject.get(key) ?? { label: target.subjectTitle, counts: emptyCounts() };
      entry.counts[row.status] += row.n;
      bySubject.set(key, entry);
    }
    if (row.by === "team") {
      const counts = byTeam.get(row.team_id) ?? emptyCounts();
      counts[row.status] += row.n;
      byTeam.set(row.team_id, counts);
    }
  }
  const learnerCounts = emptyCounts();
  let learnersWithoutAssignment = 0;
  for (const row of learners) {
    if (row.status) learnerCounts[row.status] += row.n;
    else learnersWithoutAssignment += row.n;
  }
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1)).toISOString().slice(0, 7));
  const teamName = new Map(options.teams.map((t) => [t.id, t.name]));

  return {
    completionRate: breakdown(null, "", all).rate,
    assignmentCounts: all,
    learnerCounts,
    learnersWithoutAssignment,
    bySubject: [...bySubject].map(([id, entry]) => breakdown(id, entry.label, entry.counts)),
    byTeam: [...byTeam].map(([id, counts]) => breakdown(id, id ? (teamName.get(id) ?? "") : "", counts)).sort((a, b) => a.rate - b.rate),
    trend: months.map((month) => ({ month, completions: trendRows.find((r) => r.month === month)?.n ?? 0 })),
  };
}
