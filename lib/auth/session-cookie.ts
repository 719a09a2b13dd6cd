import { encode } from "next-auth/jwt";
import { getAuthSecret } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working shift

/** Auth.js's session cookie name; the __Secure- prefix when the site is served over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/**
 * A session cookie exactly like the one Auth.js's own sign-ins set (an encrypted JWT whose `sub`
 * is the user id, salted with the cookie name), so that guards, auth() and sign-out treat an SSO
 * sign-in like any other.
 */
export async function createSessionCookie(user: { id: string; name: string | null; email: string | null }, secure: boolean) {
  const name = sessionCookieName(secure);
  const value = await encode({
    token: { sub: user.id, name: user.name, email: user.email },
    secret: getAuthSecret(),
    salt: name,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });

  return { name, value, options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS } };
}
