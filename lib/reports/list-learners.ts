import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "./assignment-targets";
import { type LearnerFilters, type LearnerSort, learnerWhere } from "./learner-filters";
import { isActiveMember, learnerStatusCtes, rowsOf, userOf } from "./learner-status-sql";
import type { LearnerStatus } from "./status";

export const PAGE_SIZE = 50;

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

type RawRow = {
  user_id: string;
  name: string;
  email: string | null;
  team_name: string | null;
  status: LearnerStatus | null;
  assigned_count: number;
  done_count: number;
  completed_modules: number;
  last_activity_at: string | Date | null;
  time_spent_seconds: number;
  total?: number;
};

const orderBy: Record<LearnerSort, string> = {
  name: "lower(pl.name)",
  email: "pl.email",
  team: "t.name",
  status:
    "case pl.status when 'late' then 0 when 'not_started' then 1 when 'in_progress' then 2 when 'done' then 3 else 4 end",
  progress: "pl.done_count::float / nullif(pl.assigned_count, 0)",
  activity: "pl.last_activity_at",
};

export function toLearnerRow(row: RawRow): LearnerRow {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    teamName: row.team_name,
    status: row.status,
    assignedCount: Number(row.assigned_count),
    doneCount: Number(row.done_count),
    completedModules: Number(row.completed_modules ?? 0),
    lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at) : null,
    timeSpentSeconds: Number(row.time_spent_seconds ?? 0),
  };
}

export type ListLearnersOptions = { organisationId: string; catalogue: Catalogue; asOf: Date; filters: LearnerFilters };

// Sorts on what the learner is (not on their status) page the learners first: only the page's statuses are computed.
// By name, the order is memberships.sort_name (= lower(coalesce(users.name, ''))), kept by the
// database: unless the search reads the user rows, the page is taken from the memberships alone.
const learnerOrder: Partial<Record<LearnerSort, (direction: "asc" | "desc", membershipsOnly: boolean) => SQL>> = {
  name: (d, membershipsOnly) =>
    membershipsOnly ? sql`m.sort_name ${sql.raw(d)}, m.user_id` : sql`lower(coalesce(u.name, '')) ${sql.raw(d)}, u.id`,
  email: (d) => sql`u.email ${sql.raw(d)} nulls last, lower(coalesce(u.name, '')), u.id`,
};

/** One page of the establishment's learners as filtered and sorted, and how many match, paginated by the database. */
export async function listLearners(
  db: Db,
  options: ListLearnersOptions,
): Promise<{ rows: LearnerRow[]; total: number; page: number; pageCount: number }> {
  const { filters } = options;
  const page = filters.page ?? 1;
  const allTargets = await loadAssignmentTargets(db, options);
  const targets = filters.affectation ? allTargets.filter((t) => t.id === filters.affectation) : allTargets;
  const where = learnerWhere(filters);
  const direction = filters.ordre === "desc" ? sql.raw("desc nulls last") : sql.raw("asc nulls last");
  const statusFilter = filters.statut
    ? sql`and pl.status = ${filters.statut}`
    : filters.affectation
      ? sql`and pl.status is not null`
      : sql``;
  const order = sql`order by ${sql.raw(orderBy[filters.tri ?? "name"])} ${direction}, lower(pl.name), pl.user_id`;
  const select = sql`select pl.user_id, pl.name, pl.email, t.name as team_name, pl.status, pl.assigned_count, pl.done_count, pl.completed_modules, pl.last_activity_at, pl.time_spent_seconds::int as time_spent_seconds`;
  const byLearner = !filters.statut && !filters.affectation ? learnerOrder[filters.tri ?? "name"] : undefined;

  if (byLearner) {
    // The search (q) is the only filter on the user rows; the team is the membership's.
    const membershipsOnly = !filters.q && (filters.tri ?? "name") === "name";
    const pageScope = {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      orderBy: byLearner(filters.ordre ?? "asc", membershipsOnly),
      membershipsOnly,
    };
    const [result, counted] = await Promise.all([
      db.execute(sql`${learnerStatusCtes({ organisationId: options.organisationId, targets, where, page: pageScope })}
        ${select} from per_learner pl left join teams t on t.id = pl.team_id ${order}`),
      db.execute(
        filters.q
          ? sql`select count(*)::int as total from memberships m cross join lateral (${userOf}) u
        where m.organisation_id = ${options.organisationId}::uuid and m.role = 'learner' and u.is_active ${where ? sql`and ${where}` : sql``}`
          : sql`select count(*)::int as total from memberships m
        where m.organisation_id = ${options.organisationId}::uuid and m.role = 'learner' and ${isActiveMember} ${where ? sql`and ${where}` : sql``}`,
      ),
    ]);
    const total = Number(rowsOf<{ total: number }>(counted)[0]?.total ?? 0);

    return {
      rows: rowsOf<RawRow>(result).map(toLearnerRow),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    };
  }

  const result = await db.execute(sql`${learnerStatusCtes({ organisationId: options.organisationId, targets, where })}
    ${select}, count(*) over ()::int as total
    from per_learner pl
    left join teams t on t.id = pl.team_id
    where true ${statusFilter}
    ${order}
    limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`);
  const raw = rowsOf<RawRow>(result);
  const total = Number(raw[0]?.total ?? 0);

  return { rows: raw.map(toLearnerRow), total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
