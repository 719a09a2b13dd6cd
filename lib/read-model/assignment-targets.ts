import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, moduleKeys } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { assignmentSubject } from "@/lib/assignments/assignment-subject";
import { type AssignmentCycle, assignmentCycle } from "@/lib/assignments/assignment-cycle";

export type AssignmentTarget = {
  id: string;
  teamId: string | null;
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
 * The establishment's assignments with the modules each one covers, where those modules' elements
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

  return rows.flatMap((row) => {
    const subject = assignmentSubject(options.catalogue, row);
    if (!subject) return [];
    const { moduleIds } = subject;

    return [
      {
        id: row.id,
        teamId: row.teamId,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        subjectTitle: subject.title,
        moduleIds,
        modulePositions: moduleIds.map((id) => positions.get(id) ?? null),
        renewYearly: row.renewYearly,
        cycle: assignmentCycle(row, options.asOf),
      },
    ];
  });
}
