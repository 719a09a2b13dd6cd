import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions } from "@/db/schema";
import { SESSION_MAX_AGE_SECONDS, type SessionMethod } from "./session-policy";

/**
 * Records a new session of `userId`, ending 8 hours after `now` whatever happens; its id goes in
 * the session token. Sessions past their end are swept now and then by whoever signs in.
 */
export async function startSession(
  db: Db,
  options: { userId: string; method: SessionMethod; now?: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: options.userId,
      method: options.method,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      authenticatedAt: now,
    })
    .returning({ id: userSessions.id });
  if (Math.random() < 0.02) await db.delete(userSessions).where(lt(userSessions.expiresAt, now));

  return { id: row!.id, expiresAt };
}
