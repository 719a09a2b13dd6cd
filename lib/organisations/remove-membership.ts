import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { assertAnotherActiveAdmin, requireMemberInScope } from "@/lib/access/member-scope";
import type { Actor } from "@/lib/auth/load-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { requireRecentAuth } from "@/lib/access/recent-auth";

/**
 * Removes a person from an organisation the actor may act on: from an establishment they manage,
 * or (a platform admin) from their centre, which withdraws admin rights, but never the centre's
 * last active admin. Only the membership goes: the account, its progress and its certificates
 * stay (the certificates remain verifiable), and the person loses access on their next request.
 * Audited. Outsiders and the actor themselves are not_found; nothing changes when refused.
 */
export async function removeMembership(db: Db, options: { actor: Actor; organisationId: string; userId: string }) {
  const { actor, organisationId, userId } = options;
  const { membership } = await requireMemberInScope(db, actor, { organisationId, userId });
  if (!membership) throw new AppError("not_found");
  requireRecentAuth(actor);

  return db.transaction(async (tx) => {
    if (membership.role === "admin") await assertAnotherActiveAdmin(tx, organisationId, userId);
    const [removed] = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
      .returning({ role: memberships.role });
    if (!removed) throw new AppError("not_found", "removed meanwhile");
    await recordAudit(tx, {
      action: "member.removed",
      actorUserId: actor.userId,
      organisationId,
      targetType: "user",
      targetId: userId,
      details: { role: removed.role },
    });

    return removed;
  });
}
