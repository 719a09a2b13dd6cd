import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions } from "@/db/schema";

/** Ends one session: its token is refused from the next request on, wherever it was copied. */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.id, sessionId));
}

/**
 * Ends every session of a person (a password reset, "all devices", a manager or admin ending
 * them), but `exceptSessionId` when given; returns how many ended.
 */
export async function endUserSessions(db: Db, options: { userId: string; exceptSessionId?: string }): Promise<number> {
  const mine = eq(userSessions.userId, options.userId);
  const ended = await db
    .delete(userSessions)
    .where(options.exceptSessionId ? and(mine, ne(userSessions.id, options.exceptSessionId)) : mine)
    .returning({ id: userSessions.id });

  return ended.length;
}
