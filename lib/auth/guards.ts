import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { isHttpsSite } from "@/lib/http/public-origin";
import { getAuthSecret } from "./secret";
import { type SessionClaims, cachedSession, rememberSession } from "./session-token-cache";
import {
  CURRENT_ESTABLISHMENT_COOKIE,
  type CurrentEstablishment,
  currentEstablishment,
  currentEstablishmentCookie,
} from "./current-establishment";
import { type Actor, type ActorMembership, loadSessionActor } from "./load-actor";
import { isSessionId } from "./session-policy";
import { secondFactorPath } from "./second-factor-path";
import { sessionCookieName } from "./session-cookie";

export { secondFactorPath };

/**
 * The signed-in, still active user of this request, or null. Read once per request, from the
 * session cookie (see sessionClaims) rather than auth(), which would also re-issue the token;
 * the session must still be live on the server (loadSessionActor).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getSessionActor();

  return actor && !actor.session?.awaitingSecondFactor ? actor : null;
});

/**
 * The person of a live session that still waits for its second factor (a manager or admin who
 * has only given a password, a link or SSO), or null: for the second-factor pages only. To
 * everything else (getActor, the API guards) such a session is nobody.
 */
export const getActorAwaitingSecondFactor = cache(async (): Promise<Actor | null> => {
  const actor = await getSessionActor();

  return actor?.session?.awaitingSecondFactor ? actor : null;
});

// One read of the session per request, whatever its second-factor state.
const getSessionActor = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims({ headers: await headers() });
  if (!claims) return null;
  const { db } = await getDb();

  return loadSessionActor(db, { ...claims, awaitingSecondFactor: "allow" });
});

/**
 * For pages: the actor, or a redirect to the sign-in page that comes back here; a session that
 * waits for its second factor goes to the code page first (and comes back here).
 */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  if (await getActorAwaitingSecondFactor()) redirect(secondFactorPath(returnTo));
  redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
}

export type LearnerContext = { actor: Actor; membership: ActorMembership };

/** The signed-in actor (or null) and the establishment they work in now (see current-establishment.ts). */
export const getCurrentEstablishment = cache(
  async (): Promise<{ actor: Actor; current: CurrentEstablishment } | null> => {
    const actor = await getActor();
    if (!actor) return null;

    return { actor, current: currentEstablishment(actor, (await cookies()).get(CURRENT_ESTABLISHMENT_COOKIE)?.value) };
  },
);

/**
 * For pages that take modules: a signed-in member of an establishment, in their current one.
 * Someone who belongs to none (a centre's admin) is told so on /sans-etablissement; someone who
 * belongs to several and has not chosen is asked to choose, then comes back here.
 */
export async function requireLearner(returnTo: string): Promise<LearnerContext> {
  await requireActor(returnTo);
  const { actor, current } = (await getCurrentEstablishment())!;
  if (current.status === "none") redirect("/sans-etablissement");
  if (current.status === "choose") redirect(`/choisir-etablissement?retour=${encodeURIComponent(returnTo)}`);

  return { actor, membership: current.membership };
}

/**
 * For hot route handlers: the learner, or an AppError the handler answers as JSON. It reads
 * the session cookie with one JWT decryption, where auth() would also re-issue the cookie (several
 * times the cost: docs/performance.md, bench:progress); the user is still re-read from
 * the database, so a deactivated account is refused at once.
 */
export async function learnerForApi(request: Pick<Request, "headers">): Promise<LearnerContext> {
  const actor = await actorForApi(request);
  const current = currentEstablishment(actor, currentEstablishmentCookie(request.headers));
  if (current.status === "none") throw new AppError("forbidden", "no establishment membership");
  if (current.status === "choose") throw new AppError("establishment_not_chosen");

  return { actor, membership: current.membership };
}

/**
 * For route handlers about the person themselves (their data, their certificates): the active
 * actor, whatever establishment they work in. A session still waiting for its second factor is
 * refused with its own code, so that a browser can send it to the code page rather than to sign-in.
 */
export async function actorForApi(request: Pick<Request, "headers">): Promise<Actor> {
  const claims = await sessionClaims(request);
  if (!claims) throw new AppError("unauthenticated");
  const { db } = await getDb();
  const actor = await loadSessionActor(db, { ...claims, awaitingSecondFactor: "allow" });
  if (!actor) throw new AppError("unauthenticated");
  if (actor.session?.awaitingSecondFactor) throw new AppError("second_factor_required");

  return actor;
}

/**
 * For the events route, whose write re-reads the account and its session itself
 * (recordSessionEvents): the claims of a valid session token, or an AppError. It checks the
 * token only: the caller must have the database refuse a deactivated account or an ended
 * session, and ask learnerForApi why it was refused.
 */
export async function sessionClaimsForApi(request: Pick<Request, "headers">): Promise<SessionClaims> {
  const claims = await sessionClaims(request);
  if (!claims) throw new AppError("unauthenticated");

  return claims;
}

/**
 * For route handlers that need only who is signed in (the SSO link flow): the user id of a live
 * session (known to the server, active account), or an AppError.
 */
export async function sessionUserIdForApi(request: Pick<Request, "headers">): Promise<string> {
  const claims = await sessionClaims(request);
  if (!claims) throw new AppError("unauthenticated");
  const { db } = await getDb();
  const actor = await loadSessionActor(db, claims);
  if (!actor) throw new AppError("unauthenticated");

  return actor.userId;
}

/** The user and session ids in the request's session token, decrypting each distinct token once. */
async function sessionClaims(request: { headers: Headers }): Promise<SessionClaims | null> {
  const secureCookie = isHttpsSite();
  const cookieName = sessionCookieName(secureCookie);
  const raw = await getToken({ req: request, secret: getAuthSecret(), secureCookie, cookieName, raw: true });
  if (!raw) return null;
  const known = cachedSession(raw);
  if (known) return known;
  const token = await getToken({ req: request, secret: getAuthSecret(), secureCookie, cookieName });
  // A token without a session id was issued before sessions were known to the server: refused.
  if (!token?.sub || typeof token.exp !== "number" || !isSessionId(token.sessionId)) return null;
  const claims = { userId: token.sub, sessionId: token.sessionId };
  rememberSession(raw, claims, token.exp * 1000);

  return claims;
}
