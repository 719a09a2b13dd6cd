import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { type AssignmentTarget, loadAssignmentTargets } from "@/lib/read-model/assignment-targets";
import { learnerStatusCtes } from "@/lib/read-model/learner-statuses";
import { type RawRow, selectRows, statusOrNull, text, textOrNull } from "@/lib/read-model/sql-rows";
import type { LearnerStatus } from "@/lib/assignments/assignment-status";

export type PendingAssignment = { target: AssignmentTarget; status: Exclude<LearnerStatus, "done"> };

/** An active learner with an e-mail address, their overall status and what they have not done. */
export type PendingLearner = {
  userId: string;
  email: string;
  locale: "fr" | "en";
  status: LearnerStatus | null;
  pending: PendingAssignment[];
};

export type PendingLearnersOptions = {
  organisationId: string;
  catalogue: Catalogue;
  asOf: Date;
  /** Only these learners; all of the establishment's otherwise. */
  userIds?: string[];
  /** Only learners whose overall status is one of these. */
  statuses?: LearnerStatus[];
};

type Row = {
  user_id: string;
  email: string;
  locale: "fr" | "en";
  overall: LearnerStatus | null;
  assignment_id: string | null;
  status: LearnerStatus | null;
};

const toRow = (row: RawRow): Row => ({
  user_id: text(row, "user_id"),
  email: text(row, "email"),
  locale: textOrNull(row, "locale") === "en" ? "en" : "fr",
  overall: statusOrNull(row, "overall"),
  assignment_id: textOrNull(row, "assignment_id"),
  status: statusOrNull(row, "status"),
});

/**
 * The establishment's active learners with an e-mail address (deactivated ones and other
 * establishments' never appear), with the status rules of lib/assignments/assignment-status.ts applied by the
 * database, and each one's assignments that are not done yet.
 */
export async function pendingLearners(db: Db, options: PendingLearnersOptions): Promise<PendingLearner[]> {
  if (options.userIds?.length === 0) return [];
  const targets = await loadAssignmentTargets(db, options);
  const byId = new Map(targets.map((t) => [t.id, t]));
  const conditions: SQL[] = [sql`u.email is not null`];
  if (options.userIds)
    conditions.push(
      sql`m.user_id in (${sql.join(
        options.userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  const ctes = learnerStatusCtes({
    organisationId: options.organisationId,
    targets,
    where: sql.join(conditions, sql` and `),
  });
  const statusFilter = options.statuses
    ? sql`where pl.status in (${sql.join(
        options.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await selectRows(
    db,
    sql`${ctes}
      select pl.user_id, pl.email, u.locale, pl.status as overall, pa.assignment_id, pa.status
      from per_learner pl join users u on u.id = pl.user_id
      left join per_assignment pa on pa.user_id = pl.user_id and pa.status <> 'done'
      ${statusFilter}
      order by pl.user_id`,
    toRow,
  );

  const learners = new Map<string, PendingLearner>();
  for (const row of rows) {
    const learner = learners.get(row.user_id) ?? {
      userId: row.user_id,
      email: row.email,
      locale: row.locale === "en" ? "en" : "fr",
      status: row.overall,
      pending: [],
    };
    learners.set(row.user_id, learner);
    const target = row.assignment_id ? byId.get(row.assignment_id) : undefined;
    if (target && row.status && row.status !== "done") learner.pending.push({ target, status: row.status });
  }
  for (const learner of learners.values())
    learner.pending.sort((a, b) => a.target.cycle.dueOn.localeCompare(b.target.cycle.dueOn));

  return [...learners.values()];
}
