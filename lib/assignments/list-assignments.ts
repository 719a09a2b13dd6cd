import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, teams } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";

export type AssignmentListItem = {
  id: string;
  subjectType: "module" | "path";
  subjectId: string;
  subjectTitle: string;
  teamId: string | null;
  teamName: string | null;
  dueOn: string;
  renewYearly: boolean;
};

/**
 * The assignments of one establishment to everyone or a team (the caller has checked the actor
 * manages it), soonest due first. One person's own assignments (the phishing module after a click)
 * are not listed here: they are counted in the reports like any other.
 */
export async function listAssignments(
  db: Db,
  options: { organisationId: string; catalogue: Catalogue },
): Promise<AssignmentListItem[]> {
  const rows = await db
    .select({
      id: assignments.id,
      subjectType: assignments.subjectType,
      subjectId: assignments.subjectId,
      teamId: assignments.teamId,
      teamName: teams.name,
      dueOn: assignments.dueOn,
      renewYearly: assignments.renewYearly,
    })
    .from(assignments)
    .leftJoin(teams, eq(teams.id, assignments.teamId))
    .where(and(eq(assignments.organisationId, options.organisationId), isNull(assignments.userId)))
    .orderBy(asc(assignments.dueOn), asc(assignments.createdAt));
  const title = (type: string, id: string) =>
    (type === "path" ? options.catalogue.pathById.get(id)?.title : options.catalogue.moduleById.get(id)?.title) ?? id;

  return rows.map((row) => ({ ...row, subjectTitle: title(row.subjectType, row.subjectId) }));
}
