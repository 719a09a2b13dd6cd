import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "@/lib/read-model/assignment-targets";
import { type LearnerFilters, type LearnerSort, learnerWhere } from "./learner-filters";
import {
  type LearnerRow,
  isActiveMember,
  learnerRowColumns,
  learnerStatusCtes,
  toLearnerRow,
  userOf,
} from "@/lib/read-model/learner-statuses";
import { int, selectRows } from "@/lib/read-model/sql-rows";

export const PAGE_SIZE = 50;

const orderBy: Record<LearnerSort, string> = {
  name: "lower(pl.name)",
  email: "pl.email",
  team: "t.name",
  status:
    "case pl.status when 'late' then 0 when 'not_started' then 1 when 'in_progress' then 2 when 'done' then 3 else 4 end",
  progress: "pl.done_count::float / nullif(pl.assigned_count, 0)",
  activity: "pl.last_activity_at",
};

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
  const select = sql`select ${learnerRowColumns}`;
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
    const [rows, counted] = await Promise.all([
      selectRows(
        db,
        sql`${learnerStatusCtes({ organisationId: options.organisationId, targets, where, page: pageScope })}
        ${select} from per_learner pl left join teams t on t.id = pl.team_id ${order}`,
        toLearnerRow,
      ),
      selectRows(
        db,
        filters.q
          ? sql`select count(*)::int as total from memberships m cross join lateral (${userOf}) u
        where m.organisation_id = ${options.organisationId}::uuid and m.role = 'learner' and u.is_active ${where ? sql`and ${where}` : sql``}`
          : sql`select count(*)::int as total from memberships m
        where m.organisation_id = ${options.organisationId}::uuid and m.role = 'learner' and ${isActiveMember} ${where ? sql`and ${where}` : sql``}`,
        (row) => int(row, "total"),
      ),
    ]);
    const total = counted[0] ?? 0;

    return {
      rows,
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    };
  }

  const raw = await selectRows(
    db,
    sql`${learnerStatusCtes({ organisationId: options.organisationId, targets, where })}
    ${select}, count(*) over ()::int as total
    from per_learner pl
    left join teams t on t.id = pl.team_id
    where true ${statusFilter}
    ${order}
    limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
    (row) => ({ learner: toLearnerRow(row), total: int(row, "total") }),
  );
  const total = raw[0]?.total ?? 0;

  return { rows: raw.map((row) => row.learner), total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
