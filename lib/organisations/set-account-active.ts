import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { OUTSIDE_SCOPE, assertAnotherActiveAdmin, requireMemberInScope } from "@/lib/access/member-scope";
import { endUserSessions } from "@/lib/auth/end-sessions";
import type { Actor } from "@/lib/auth/load-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { requireRecentAuth } from "@/lib/access/recent-auth";

/**
 * Deactivates or reactivates an account the actor may act on (lib/access/member-scope.ts): a
 * deactivated person is refused on their next request (guards re-read the user); their progress
 * and certificates stay. The account is one for the whole region: someone who also belongs to an
 * organisation outside the actor's scope is a conflict (they can be removed from the actor's
 * establishment instead), and so is a centre's last active admin. Nothing changes when refused.
 */
export async function setAccountActive(db: Db, options: { actor: Actor; userId: string; isActive: boolean }) {
  const { actor, userId, isActive } = options;
  const member = await requireMemberInScope(db, actor, { userId });
  if (!member.isWhollyInScope) throw new AppError("conflict", OUTSIDE_SCOPE);
  requireRecentAuth(actor);

  return db.transaction(async (tx) => {
    if (!isActive) {
      for (const centre of member.memberships.filter((m) => m.role === "admin"))
        await assertAnotherActiveAdmin(tx, centre.organisationId, userId);
    }
    const [user] = await tx
      .update(users)
      .set({ isActive, deactivatedAt: isActive ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, isActive: users.isActive });
    if (!user) throw new AppError("not_found");
    // Deactivation ends their sessions for good: reactivating the account does not revive them.
    if (!isActive) await endUserSessions(tx, { userId });
    await recordAudit(tx, {
      action: isActive ? "account.reactivated" : "account.deactivated",
      actorUserId: actor.userId,
      organisationId: member.memberships[0]?.organisationId ?? null,
      targetType: "user",
      targetId: userId,
    });

    return user;
  });
}
