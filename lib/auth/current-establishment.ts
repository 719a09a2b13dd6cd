import { requestCookie } from "@/lib/http/request-cookie";
import type { Actor, ActorMembership } from "./load-actor";

/**
 * The cookie that keeps, for the browser session, the establishment a person with several
 * memberships chose to work in: "<user id>.<organisation id>". It is only a choice: every read
 * checks it against the person's memberships, so a forged or stale value chooses nothing.
 */
export const CURRENT_ESTABLISHMENT_COOKIE = "vigie-etablissement";

export type CurrentEstablishment =
  | { status: "chosen"; membership: ActorMembership }
  /** Several establishments and no valid choice: the person is asked, never given one by name order. */
  | { status: "choose"; choices: ActorMembership[] }
  /** No establishment at all (a centre's admin). */
  | { status: "none" };

/** The cookie's value for this person and establishment. */
export function currentEstablishmentValue(userId: string, organisationId: string): string {
  return `${userId}.${organisationId}`;
}

/** The organisation id the cookie names for this user, or null (absent, another user's, malformed). */
export function chosenOrganisationId(cookieValue: string | undefined | null, userId: string): string | null {
  if (!cookieValue) return null;
  const [owner, organisationId, ...rest] = cookieValue.split(".");

  return owner === userId && organisationId && rest.length === 0 ? organisationId : null;
}

/** The cookie's raw value in a Cookie request header (route handlers that do not use next/headers). */
export function currentEstablishmentCookie(headers: Headers): string | null {
  return requestCookie(headers, CURRENT_ESTABLISHMENT_COOKIE);
}

/**
 * The establishment the person works in now: the only one they belong to, or the one they
 * chose among theirs. Establishments only (a centre is not one); any role there counts.
 */
export function currentEstablishment(actor: Actor, cookieValue: string | undefined | null): CurrentEstablishment {
  const establishments = actor.memberships.filter((m) => m.kind === "establishment");
  if (establishments.length === 0) return { status: "none" };
  if (establishments.length === 1) return { status: "chosen", membership: establishments[0]! };
  const chosenId = chosenOrganisationId(cookieValue, actor.userId);
  const chosen = establishments.find((m) => m.organisationId === chosenId);

  return chosen ? { status: "chosen", membership: chosen } : { status: "choose", choices: establishments };
}
