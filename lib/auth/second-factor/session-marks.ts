import { count, eq, and, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { secondFactorRecoveryCodes, userSecondFactors, userSessions } from "@/db/schema";
import { needsSecondFactor } from "@/lib/access/second-factor";
import { loadActor } from "@/lib/auth/load-actor";
import { isSessionId } from "@/lib/auth/session-policy";

/** The session has passed its second factor now, which is also a fresh proof of identity. */
export async function markSecondFactorPassed(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ secondFactorAt: now, authenticatedAt: now })
    .where(eq(userSessions.id, sessionId));
}

/** The person proved who they are again in this session (lib/access/recent-auth.ts). */
export async function markReauthenticated(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ authenticatedAt: now }).where(eq(userSessions.id, sessionId));
}

export type SecondFactorStatus = { enrolled: boolean; recoveryCodesLeft: number };

/** Whether `userId` has a second factor, and how many of their recovery codes are unused. */
export async function secondFactorStatus(db: Db, userId: string): Promise<SecondFactorStatus> {
  const [[factor], [codes]] = await Promise.all([
    db.select({ userId: userSecondFactors.userId }).from(userSecondFactors).where(eq(userSecondFactors.userId, userId)),
    db
      .select({ left: count() })
      .from(secondFactorRecoveryCodes)
      .where(and(eq(secondFactorRecoveryCodes.userId, userId), isNull(secondFactorRecoveryCodes.usedAt))),
  ]);

  return { enrolled: Boolean(factor), recoveryCodesLeft: codes?.left ?? 0 };
}

/**
 * Whether a live session still waits for its second factor (a manager or admin who has given
 * only a password, a link or SSO): such a session names nobody, even on Auth.js's own endpoints.
 */
export async function sessionAwaitsSecondFactor(
  db: Db,
  token: { sub?: unknown; sessionId?: unknown },
): Promise<boolean> {
  if (!isSessionId(token.sub) || !isSessionId(token.sessionId)) return false;
  const [session] = await db
    .select({ secondFactorAt: userSessions.secondFactorAt })
    .from(userSessions)
    .where(eq(userSessions.id, token.sessionId));
  if (!session || session.secondFactorAt) return false;
  const actor = await loadActor(db, token.sub);

  return !!actor && needsSecondFactor(actor.memberships);
}
