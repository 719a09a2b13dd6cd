import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, moduleKeys } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { assignmentSubject } from "@/lib/assignments/assignment-subject";
import { type AssignmentCycle, assignmentCycle } from "@/lib/assignments/assignment-cycle";

export type AssignmentTarget = {
  id: string;
  teamId: string | null;
  /**
   * The people of a target made of one person's own assignments (the phishing module after a
   * click), merged when they name the same subject and due date; null for an assignment to
   * everyone or a team.
   */
  userIds?: string[] | null;
  subjectType: "module" | "path";
  subjectId: string;
  subjectTitle: string;
  moduleIds: string[];
  /** Each module's position in memberships.module_completions and module_activity (module_keys); null: nobody has progressed in it yet. */
  modulePositions: (number | null)[];
  renewYearly: boolean;
  cycle: AssignmentCycle;
};

/**
 * The establishment's assignments (one person's own ones merged by subject and due date) with the modules each one covers, where those modules' elements
 * are in the memberships' progress arrays, and its current cycle. Assignments whose module or path
 * left the catalogue are left out (nothing left to take).
 */
export async function loadAssignmentTargets(
  db: Db,
  options: { organisationId: string; catalogue: Catalogue; asOf: Date },
): Promise<AssignmentTarget[]> {
  const [rows, keys] = await Promise.all([
    db
      .select()
      .from(assignments)
      .where(eq(assignments.organisationId, options.organisationId))
      .orderBy(assignments.dueOn, assignments.createdAt),
    db.select().from(moduleKeys),
  ]);
  const positions = new Map(keys.map((key) => [key.moduleId, key.position]));
  const targets: AssignmentTarget[] = [];
  const people = new Map<string, AssignmentTarget>();
  for (const row of rows) {
    const subject = assignmentSubject(options.catalogue, row);
    if (!subject) continue;
    // One target per subject and due date for everyone's own assignments, not one per person:
    // each target is a column of the reports' statements.
    const key = `${row.subjectType}:${row.subjectId}:${row.dueOn}:${row.renewYearly}`;
    const merged = row.userId ? people.get(key) : undefined;
    if (merged) {
      merged.userIds!.push(row.userId!);
      continue;
    }
    const target: AssignmentTarget = {
      id: row.id,
      teamId: row.teamId,
      userIds: row.userId ? [row.userId] : null,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      subjectTitle: subject.title,
      moduleIds: subject.moduleIds,
      modulePositions: subject.moduleIds.map((id) => positions.get(id) ?? null),
      renewYearly: row.renewYearly,
      cycle: assignmentCycle(row, options.asOf),
    };
    if (row.userId) people.set(key, target);
    targets.push(target);
  }

  return targets;
}
