import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { type AssignmentCycle, assignmentCycle } from "./assignment-cycle";

export type AssignmentTarget = {
  id: string;
  teamId: string | null;
  subjectType: "module" | "path";
  subjectId: string;
  subjectTitle: string;
  moduleIds: string[];
  renewYearly: boolean;
  cycle: AssignmentCycle;
};

/**
 * The establishment's assignments with the modules each one covers and its current cycle.
 * Assignments whose module or path left the catalogue are left out (nothing left to take).
 */
export async function loadAssignmentTargets(db: Db, options: { organisationId: string; catalogue: Catalogue; asOf: Date }): Promise<AssignmentTarget[]> {
  const rows = await db.select().from(assignments).where(eq(assignments.organisationId, options.organisationId)).orderBy(assignments.dueOn, assignments.createdAt);

  return rows.flatMap((row) => {
    const subject = row.subjectType === "path" ? options.catalogue.pathById.get(row.subjectId) : options.catalogue.moduleById.get(row.subjectId);
    if (!subject) return [];
    const moduleIds = "moduleIds" in subject ? subject.moduleIds : [subject.id];

    return [{ id: row.id, teamId: row.teamId, subjectType: row.subjectType, subjectId: row.subjectId, subjectTitle: subject.title, moduleIds, renewYearly: row.renewYearly, cycle: assignmentCycle(row, options.asOf) }];
  });
}
