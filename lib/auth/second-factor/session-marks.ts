import { count, eq, and, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { secondFactorRecoveryCodes, userSecondFactors, userSessions } from "@/db/schema";

/** The session has passed its second factor now, which is also a fresh proof of identity. */
export async function markSecondFactorPassed(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ secondFactorAt: now, authenticatedAt: now }).where(eq(userSessions.id, sessionId));
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
    db.select({ left: count() }).from(secondFactorRecoveryCodes).where(and(eq(secondFactorRecoveryCodes.userId, userId), isNull(secondFactorRecoveryCodes.usedAt))),
  ]);

  return { enrolled: Boolean(factor), recoveryCodesLeft: codes?.left ?? 0 };
}
