import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { assignments } from "@/db/schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

export type RemovePersonalAssignmentOptions = {
  actor: Actor;
  /** The establishment whose page the manager acts from: the assignment must be one of its own. */
  organisationId: string;
  assignmentId: string;
  origin?: RequestOrigin;
};

/**
 * Removes one person's own assignment (the phishing module a click assigned,
 * lib/phishing/assign-phishing-module.ts) for someone who manages the establishment it belongs
 * to, and writes the audit entry in the same transaction. Another establishment's assignment, an
 * assignment to everyone or to a team, or a forged id is not_found, and nothing changes.
 */
export async function removePersonalAssignment(
  db: Db,
  options: RemovePersonalAssignmentOptions,
): Promise<{ userId: string }> {
  const { actor, organisationId, assignmentId } = options;
  if (!z.guid().safeParse(assignmentId).success) throw new AppError("not_found", "malformed assignment id");
  await requireManagedEstablishment(db, actor, organisationId);

  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(assignments)
      .where(
        and(
          eq(assignments.id, assignmentId),
          eq(assignments.organisationId, organisationId),
          isNotNull(assignments.userId),
        ),
      )
      .returning({
        userId: assignments.userId,
        subjectType: assignments.subjectType,
        subjectId: assignments.subjectId,
      });
    if (!removed?.userId) throw new AppError("not_found", "no such personal assignment here");
    await recordAudit(tx, {
      action: "personal_assignment.removed",
      actorUserId: actor.userId,
      organisationId,
      origin: options.origin,
      targetType: "user",
      targetId: removed.userId,
      details: { subjectType: removed.subjectType, subjectId: removed.subjectId },
    });

    return { userId: removed.userId };
  });
}
