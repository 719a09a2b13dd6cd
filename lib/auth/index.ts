import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { headers as nextHeaders } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { isHttpsSite, publicOrigin } from "@/lib/http/public-origin";
import { requestOrigin } from "@/lib/http/request-origin";
import { attemptPasswordSignIn } from "./attempt-password-sign-in";
import { findActiveUserByEmail } from "./find-active-user";
import { requestMagicLink } from "./request-magic-link";
import { endSession } from "./end-sessions";
import { isSessionLive } from "./is-session-live";
import { getAuthSecret } from "./secret";
import { encodeSessionToken, sessionCookieName } from "./session-cookie";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";
import { startSession } from "./start-session";
import { afterResponse } from "./after-response";
import { MAGIC_LINK_MAX_AGE_SECONDS, issueMagicLink } from "./send-magic-link-mail";
import { throttledSignInPath } from "./sign-in-errors";
import { clearPasswordFailures } from "./sign-in-throttle";
import { sessionAwaitsSecondFactor } from "./second-factor/session-marks";

// The form's "email" field takes an e-mail address or a username (staff without e-mail).
const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1024),
});

// Where Auth.js sends the browser once a link is on its way; unknown addresses go there too.
const VERIFY_REQUEST_URL = "/api/auth/verify-request?provider=nodemailer&type=email";

/** Thrown by authorize past the sign-in limits; the form turns it into "réessayez dans N minutes". */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Route handlers pass their request; server actions and pages have next/headers instead.
async function currentHeaders(request: Request | undefined): Promise<Headers> {
  if (request) return request.headers;
  try {
    return new Headers(await nextHeaders());
  } catch {
    return new Headers();
  }
}

/**
 * Auth.js builds every URL (magic links, redirects) from AUTH_URL, read on each call after this
 * config, and otherwise from X-Forwarded-Host/Host, which the client chooses. Pinned to the
 * public origin (APP_URL), a forged header cannot put another site in a genuine e-mail.
 */
function pinAuthUrl(): void {
  process.env.AUTH_URL = new URL("/api/auth", publicOrigin()).toString();
}

function sessionCookies(secure: boolean) {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };

  return {
    sessionToken: { name: sessionCookieName(secure), options },
    callbackUrl: { name: secure ? "__Host-authjs.callback-url" : "authjs.callback-url", options },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  pinAuthUrl();
  const [{ db }, requestHeaders] = await Promise.all([getDb(), currentHeaders(request)]);
  const origin = requestOrigin(requestHeaders);

  return {
    secret: getAuthSecret(),
    // Safe only because AUTH_URL is pinned above: Auth.js then ignores the request's host.
    trustHost: true,
    // The adapter keeps magic-link tokens; sessions stay JWTs (Credentials need them, STACK.md
    // pitfall 2) and guards re-read the user on every request.
    adapter: {
      ...DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
      }),
      // Written with its mail once the response is sent (sendVerificationRequest below): on the
      // request path an existing account then costs what an unknown address does (review M13).
      createVerificationToken: async (token) => token,
    },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Re-issued tokens keep their session's end (GET /api/auth/session would push it 8 h further).
    jwt: { encode: encodeSessionToken },
    useSecureCookies: isHttpsSite(),
    // On https, __Host- cookies: Secure, path /, and no Domain, so no sibling host can set them.
    cookies: sessionCookies(isHttpsSite()),
    pages: { signIn: "/connexion", error: "/connexion", verifyRequest: "/connexion/lien-envoye" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(input, authRequest) {
          const parsed = credentialsSchema.safeParse(input);
          if (!parsed.success) return null;
          const { email: identifier, password } = parsed.data;
          const result = await attemptPasswordSignIn(db, {
            identifier,
            password,
            origin: requestOrigin(authRequest.headers),
          });
          if (result.status === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);

          return result.status === "ok" ? result.user : null;
        },
      }),
      Nodemailer({
        // Mail goes through lib/mail (outbox, then SMTP when configured); this is never dialled.
        server: env().SMTP_URL ?? "smtp://localhost:25",
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        // Auth.js calls this only for an existing account (signIn below): token and mail wait
        // until the answer, the same as for an unknown address, has gone.
        async sendVerificationRequest({ identifier, token, expires, url }) {
          const secret = getAuthSecret();
          afterResponse("magic-link", () => issueMagicLink(db, { identifier, token, expires, url, secret }));
        },
      }),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider !== "nodemailer") return true;
        const address = user.email ?? "";
        if (email?.verificationRequest) {
          const decision = await requestMagicLink(db, { email: address, origin, defer: afterResponse });
          if (decision.status === "throttled") return throttledSignInPath(decision.retryAfterSeconds, decision.reason);
          // Same answer, no token, no mail: nobody learns whether the account exists.
          return decision.status === "send" ? true : VERIFY_REQUEST_URL;
        }
        // Following a link: only a user who still exists and is active; no account is ever created.
        return (await findActiveUserByEmail(db, address)) ? true : "/connexion?error=AccessDenied";
      },
      async jwt({ token, user, account }) {
        // Signing in: the server records the session, whose id and end the token carries.
        if (user?.id) {
          const session = await startSession(db, {
            userId: user.id,
            method: account?.provider === "nodemailer" ? "magic_link" : "password",
          });
          return {
            ...token,
            sub: user.id,
            sessionId: session.id,
            sessionExpiresAt: Math.floor(session.expiresAt.getTime() / 1000),
          };
        }
        // Reading the session: null (the cookie is cleared) once the server has ended it.
        return (await isSessionLive(db, token)) ? token : null;
      },
      async session({ session, token }) {
        // GET /api/auth/session answers null, as signed out, until the code is given.
        if (await sessionAwaitsSecondFactor(db, token)) return null as unknown as typeof session;
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        const method = account?.provider === "nodemailer" ? "magic_link" : "password";
        // Whoever opened the link holds the mailbox: earlier wrong passwords no longer hold them back.
        if (method === "magic_link" && user.email) await clearPasswordFailures(db, user.email);
        await recordAudit(db, {
          action: "sign_in.succeeded",
          actorUserId: user.id ?? null,
          origin,
          details: { method },
        });
      },
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        // Ends the session on the server: a copy of the cookie is refused from now on.
        if (typeof token?.sessionId === "string") await endSession(db, token.sessionId);
        await recordAudit(db, { action: "sign_out", actorUserId: token?.sub ?? null, origin });
      },
    },
  };
});
