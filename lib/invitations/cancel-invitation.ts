import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { membershipInvitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * A manager (or platform admin) of the establishment withdraws an unanswered invitation; the
 * person can then no longer accept it. Another establishment's invitation is not_found. Audited.
 */
export async function cancelInvitation(db: Db, options: { actor: Actor; invitationId: string; now?: Date }) {
  if (!z.guid().safeParse(options.invitationId).success) throw new AppError("not_found");
  const [invitation] = await db
    .select({ organisationId: membershipInvitations.organisationId })
    .from(membershipInvitations)
    .where(and(eq(membershipInvitations.id, options.invitationId), eq(membershipInvitations.status, "pending")));
  if (!invitation) throw new AppError("not_found");
  const establishment = await requireManagedEstablishment(db, options.actor, invitation.organisationId);

  await db.transaction(async (tx) => {
    const cancelled = await tx
      .update(membershipInvitations)
      .set({ status: "cancelled", respondedAt: options.now ?? new Date() })
      .where(
        and(
          eq(membershipInvitations.id, options.invitationId),
          eq(membershipInvitations.organisationId, establishment.id),
          eq(membershipInvitations.status, "pending"),
        ),
      )
      .returning({ id: membershipInvitations.id });
    if (cancelled.length === 0) throw new AppError("not_found");
    await recordAudit(tx, {
      action: "invitation.cancelled",
      actorUserId: options.actor.userId,
      organisationId: establishment.id,
      targetType: "invitation",
      targetId: options.invitationId,
    });
  });

  return { organisationId: establishment.id };
}
