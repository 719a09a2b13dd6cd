import { and, eq, isNull, or, sql } from "drizzle-orm";
import { type Db, preparedPerDb } from "@/db/client";
import { type ModuleProgress, assignments } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { assignmentSubject } from "@/lib/assignments/assignment-subject";
import { assignmentCycle } from "@/lib/assignments/assignment-cycle";
import { type LearnerStatus, assignmentStatus } from "@/lib/assignments/assignment-status";

export type LearnerAssignment = {
  id: string;
  subjectType: "module" | "path";
  subjectId: string;
  subjectTitle: string;
  dueOn: string;
  renewYearly: boolean;
  /** Assigned to this person alone (the phishing module after a click), not to everyone or a team. */
  isPersonal: boolean;
  status: LearnerStatus;
};

// The catalogue reads it on every view: prepared (preparedPerDb). The whole establishment's, the
// learner's team's (none when `teamId` is null: `team_id = null` is never true) and their own.
const learnerAssignments = preparedPerDb((db) =>
  db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.organisationId, sql.placeholder("organisationId")),
        or(isNull(assignments.teamId), eq(assignments.teamId, sql`${sql.placeholder("teamId")}::uuid`)),
        or(isNull(assignments.userId), eq(assignments.userId, sql.placeholder("userId"))),
      ),
    )
    .prepare("learner_assignments"),
);

/**
 * What the learner's establishment asks of them (whole establishment, their team, or them alone),
 * with the current deadline and their status; late ones first, then by deadline.
 */
export async function listLearnerAssignments(
  db: Db,
  options: {
    organisationId: string;
    userId: string;
    teamId: string | null;
    catalogue: Catalogue;
    progress: Map<string, ModuleProgress>;
    asOf: Date;
  },
): Promise<LearnerAssignment[]> {
  const rows = await learnerAssignments(db).execute({
    organisationId: options.organisationId,
    teamId: options.teamId,
    userId: options.userId,
  });

  const list = rows.flatMap((row) => {
    const subject = assignmentSubject(options.catalogue, row);
    if (!subject) return [];
    const { moduleIds } = subject;
    const cycle = assignmentCycle(row, options.asOf);
    const progress = moduleIds.flatMap((id) => options.progress.get(id) ?? []);
    const status = assignmentStatus(cycle, moduleIds.length, progress);

    return [
      {
        id: row.id,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        subjectTitle: subject.title,
        dueOn: cycle.dueOn,
        renewYearly: row.renewYearly,
        isPersonal: row.userId !== null,
        status,
      },
    ];
  });

  return list.sort(
    (a, b) => Number(b.status === "late") - Number(a.status === "late") || a.dueOn.localeCompare(b.dueOn),
  );
}
