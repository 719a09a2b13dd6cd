import { type JWTEncodeParams, encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";
import { startSession } from "./start-session";

/** The session cookie's name (Auth.js is configured with it); the __Host- prefix over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-authjs.session-token" : "authjs.session-token";
}

/**
 * Auth.js's JWT encoder, but the token expires when its session does (`sessionExpiresAt`, set at
 * sign-in), never `maxAge` after the last re-issue: GET /api/auth/session re-encodes the token
 * on every call, and would otherwise push its end 8 hours further each time (review M3).
 */
export function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const end = params.token?.sessionExpiresAt;
  if (typeof end !== "number") return encode(params);
  const remaining = Math.max(0, end - Math.floor(Date.now() / 1000));

  return encode({ ...params, maxAge: remaining });
}

/**
 * Starts a session and makes its cookie exactly like the one Auth.js's own sign-ins set (an
 * encrypted JWT whose `sub` is the user id and `sessionId` the server's session, salted with the
 * cookie name), so that guards, auth() and sign-out treat an SSO sign-in like any other.
 */
export async function createSessionCookie(
  db: Db,
  user: { id: string; name: string | null; email: string | null },
  secure: boolean,
) {
  const name = sessionCookieName(secure);
  const session = await startSession(db, { userId: user.id, method: "sso" });
  const sessionExpiresAt = Math.floor(session.expiresAt.getTime() / 1000);
  const value = await encodeSessionToken({
    token: { sub: user.id, name: user.name, email: user.email, sessionId: session.id, sessionExpiresAt },
    secret: getAuthSecret(),
    salt: name,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });

  return {
    name,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}
