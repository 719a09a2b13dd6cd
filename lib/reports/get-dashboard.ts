import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "@/lib/read-model/assignment-targets";
import {
  countedFigures,
  dashboardGroupsStatement,
  figureRow,
  readDashboardCache,
} from "@/lib/read-model/dashboard-cache";
import { selectRows, ts } from "@/lib/read-model/sql-rows";
import { type LearnerStatus, learnerStatuses, overallStatus } from "@/lib/assignments/assignment-status";
import { nextMonth, parisMonthStart, parisMonths } from "@/lib/calendar/paris-months";

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
 * The establishment's figures, counted by the database: one pass over its learners' memberships
 * gives each learner's status for each assignment (membershipStatus()); the learners are grouped
 * by team and those statuses, so that a few hundred groups come back, which are added up here
 * (overall status with the rules of lib/assignments/assignment-status.ts) and multiplied by the group's size. The groups and
 * the past months' completions are kept and served again until a write changes what they are
 * counted from (lib/read-model/dashboard-cache.ts).
 */
export async function getDashboard(
  db: Db,
  options: { organisationId: string; catalogue: Catalogue; asOf: Date; teams: { id: string; name: string }[] },
): Promise<Dashboard> {
  const { organisationId, asOf } = options;
  // The last 12 months (Europe/Paris), oldest first, each counted as a range of the partial index
  // on (organisation_id, completed_at): an index-only count per month rather than grouping the
  // rows. The 11 months that are over are counted with the figures (and kept with them); the
  // current one, up to asOf, on its own connection from the start.
  const months = parisMonths(asOf);
  const monthStarts = [...months, nextMonth(months[11]!)].map(parisMonthStart);
  const monthCounts = (indexes: number[], until: Date | null) =>
    sql`select r.i, (select count(*) from module_progress p where p.organisation_id = ${organisationId}::uuid
        and p.completed_at >= r.start and p.completed_at < r.next ${until ? sql`and p.completed_at <= ${ts(until)}` : sql``})::int as n
      from (values ${sql.join(
        indexes.map((i) => sql`(${sql.raw(String(i))}, ${ts(monthStarts[i]!)}, ${ts(monthStarts[i + 1]!)})`),
        sql`, `,
      )}) as r (i, start, next)`;
  const [{ targets, figures }, currentMonth] = await Promise.all([
    // The figures as last counted are read beside the assignments, and served if still valid.
    Promise.all([loadAssignmentTargets(db, options), readDashboardCache(db, organisationId)]).then(
      async ([targets, cached]) => ({
        targets,
        figures: await countedFigures(
          db,
          organisationId,
          {
            learners: (chunks) => dashboardGroupsStatement(organisationId, targets, chunks),
            months: monthCounts([...months.keys()].slice(0, 11), null),
          },
          cached,
        ),
      }),
    ),
    selectRows(db, monthCounts([11], asOf), figureRow),
  ]);
  const completionsByMonth = new Map([...figures.months, ...currentMonth].map((row) => [Number(row.i), Number(row.n)]));

  const all = emptyCounts();
  const learnerCounts = emptyCounts();
  let learnersWithoutAssignment = 0;
  const bySubject = new Map<string, { label: string; counts: StatusCounts }>();
  const byTeam = new Map<string | null, StatusCounts>();
  for (const group of figures.learners) {
    const teamId = group.team_id as string | null;
    const n = Number(group.n);
    const statuses: LearnerStatus[] = [];
    for (const [i, target] of targets.entries()) {
      const status = group[`st${i}`] as LearnerStatus | null;
      if (!status) continue; // outside the assignment's team
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
  const subjectOrder = (key: string) =>
    targets.findIndex((target) => `${target.subjectType}:${target.subjectId}` === key);

  return {
    completionRate: breakdown(null, "", all).rate,
    assignmentCounts: all,
    learnerCounts,
    learnersWithoutAssignment,
    // In the assignments' order (the groups come in no order of their own).
    bySubject: [...bySubject]
      .sort(([a], [b]) => subjectOrder(a) - subjectOrder(b))
      .map(([id, entry]) => breakdown(id, entry.label, entry.counts)),
    byTeam: [...byTeam]
      .map(([id, counts]) => breakdown(id, id ? (teamName.get(id) ?? "") : "", counts))
      .sort(
        (a, b) => a.rate - b.rate || a.label.localeCompare(b.label, "fr") || (a.id ?? "").localeCompare(b.id ?? ""),
      ),
    trend: months.map((month, i) => ({ month, completions: completionsByMonth.get(i) ?? 0 })),
  };
}
