import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { assignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";

/**
 * Deletes an assignment to everyone or a team of an establishment the actor manages; anyone else
 * gets not_found and it stays. One person's own assignment is removed, audit-logged, by
 * removePersonalAssignment, never here.
 */
export async function deleteAssignment(db: Db, options: { actor: Actor; assignmentId: string }): Promise<void> {
  if (!z.guid().safeParse(options.assignmentId).success) throw new AppError("not_found", "malformed assignment id");
  const [assignment] = await db
    .select({ organisationId: assignments.organisationId })
    .from(assignments)
    .where(and(eq(assignments.id, options.assignmentId), isNull(assignments.userId)));
  if (!assignment) throw new AppError("not_found", "no such assignment");
  await requireManagedEstablishment(db, options.actor, assignment.organisationId);

  await db
    .delete(assignments)
    .where(
      and(
        eq(assignments.id, options.assignmentId),
        eq(assignments.organisationId, assignment.organisationId),
        isNull(assignments.userId),
      ),
    );
}
