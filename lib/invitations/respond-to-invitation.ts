import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { membershipInvitations, memberships } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export type InvitationAnswer = "accept" | "decline";

/**
 * The signed-in person accepts or declines an invitation addressed to their own account. Only
 * acceptance creates the membership (or makes them manager there, for a manager invitation; an
 * existing role is never lowered). An invitation of someone else, answered, cancelled or expired
 * changes nothing: not_found, or conflict when it is theirs but no longer open. Audited.
 */
export async function respondToInvitation(
  db: Db,
  options: { actor: Actor; invitationId: string; answer: InvitationAnswer; now?: Date },
) {
  const { actor, answer } = options;
  const now = options.now ?? new Date();
  if (!z.guid().safeParse(options.invitationId).success) throw new AppError("not_found");

  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(membershipInvitations)
      .where(and(eq(membershipInvitations.id, options.invitationId), eq(membershipInvitations.userId, actor.userId)))
      .for("update");
    if (!invitation) throw new AppError("not_found");
    if (invitation.status !== "pending" || invitation.expiresAt <= now)
      throw new AppError("conflict", "invitation no longer open");

    const [previous] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.organisationId, invitation.organisationId)));
    if (answer === "accept" && !previous) {
      await tx.insert(memberships).values({
        userId: actor.userId,
        organisationId: invitation.organisationId,
        role: invitation.role,
        teamId: invitation.teamId,
      });
    } else if (answer === "accept" && invitation.role === "manager" && previous?.role === "learner") {
      await tx
        .update(memberships)
        .set({ role: "manager", updatedAt: now })
        .where(and(eq(memberships.userId, actor.userId), eq(memberships.organisationId, invitation.organisationId)));
    }
    await tx
      .update(membershipInvitations)
      .set({ status: answer === "accept" ? "accepted" : "declined", respondedAt: now })
      .where(eq(membershipInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: invitation.organisationId,
      action: answer === "accept" ? "invitation.accepted" : "invitation.declined",
      targetType: "invitation",
      targetId: invitation.id,
      details: { role: invitation.role, previousRole: previous?.role ?? null },
    });

    return { organisationId: invitation.organisationId, role: invitation.role };
  });
}
