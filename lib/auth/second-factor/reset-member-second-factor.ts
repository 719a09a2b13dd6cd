import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { secondFactorRecoveryCodes, userSecondFactors } from "@/db/schema";
import { OUTSIDE_SCOPE, requireMemberInScope } from "@/lib/access/member-scope";
import { requireRecentAuth } from "@/lib/access/recent-auth";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { endUserSessions } from "../end-sessions";
import type { Actor } from "../load-actor";

/**
 * Removes the second factor (and recovery codes) of someone who lost them, and ends their
 * sessions: they enrol a new one at their next sign-in. Only for an account wholly in the
 * actor's scope (lib/access/member-scope.ts: a platform admin for their centre's people, a
 * manager for people of their establishments only), never the actor's own; after a recent
 * re-authentication; audited.
 */
export async function resetMemberSecondFactor(
  db: Db,
  options: { actor: Actor; userId: string; origin?: RequestOrigin },
): Promise<{ reset: boolean }> {
  const { actor, userId, origin } = options;
  const member = await requireMemberInScope(db, actor, { userId });
  // Someone who also belongs elsewhere (a manager of another establishment) is not this actor's to weaken.
  if (!member.isWhollyInScope) throw new AppError("conflict", OUTSIDE_SCOPE);
  requireRecentAuth(actor);

  const reset = await db.transaction(async (tx) => {
    const removed = await tx
      .delete(userSecondFactors)
      .where(eq(userSecondFactors.userId, userId))
      .returning({ userId: userSecondFactors.userId });
    await tx.delete(secondFactorRecoveryCodes).where(eq(secondFactorRecoveryCodes.userId, userId));
    if (removed.length > 0) await endUserSessions(tx, { userId });
    return removed.length > 0;
  });
  if (reset)
    await recordAudit(db, {
      action: "second_factor.reset",
      actorUserId: actor.userId,
      origin,
      targetType: "user",
      targetId: userId,
    });

  return { reset };
}
