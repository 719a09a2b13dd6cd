import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions } from "@/db/schema";
import { type SessionWindow, isSessionId, sessionWindow } from "./session-policy";

/**
 * Whether the session in a token is live (known, before its end, used within the idle timeout),
 * without counting this as a use: for Auth.js's own reads of the session (GET
 * /api/auth/session, auth()), which must neither revive nor extend it.
 */
export async function isSessionLive(
  db: Db,
  token: { sub?: unknown; sessionId?: unknown },
  window: SessionWindow = sessionWindow(),
): Promise<boolean> {
  if (!isSessionId(token.sub) || !isSessionId(token.sessionId)) return false;
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.id, token.sessionId),
        eq(userSessions.userId, token.sub),
        gt(userSessions.expiresAt, window.now),
        gt(userSessions.lastSeenAt, window.idleSince),
      ),
    );

  return !!row;
}
