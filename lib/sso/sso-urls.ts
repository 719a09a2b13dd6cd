import { isHttpsSite, publicOrigin } from "@/lib/http/public-origin";

/** What the sign-in page says after a refused SSO sign-in (?erreur=…). */
export const ssoErrorCodes = [
  "indisponible",
  "expire",
  "refuse",
  "niveau",
  "fournisseur",
  "autre-etablissement",
  "compte-inactif",
  "non-membre",
  "compte-existant",
  "sans-compte",
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
  return ssoErrorCodes.includes(value as SsoErrorCode);
}

/** The establishment's SSO sign-in page, the link a hospital can put on its intranet. */
export function ssoSignInPath(slug: string, error?: SsoErrorCode): string {
  return `/connexion/etablissement/${encodeURIComponent(slug)}${error ? `?erreur=${error}` : ""}`;
}

export function ssoStartPath(slug: string, returnTo?: string): string {
  return `/api/sso/${encodeURIComponent(slug)}/demarrer${returnTo ? `?retour=${encodeURIComponent(returnTo)}` : ""}`;
}

/** "Lier mon compte …" on /mon-compte: the start of a sign-in that links, carrying its sealed request. */
export function ssoLinkStartPath(slug: string, linkRequest: string): string {
  return `/api/sso/${encodeURIComponent(slug)}/demarrer?lier=${encodeURIComponent(linkRequest)}`;
}

/** What /mon-compte says after a link attempt (?sso=…). */
export const ssoLinkOutcomes = [
  "lie",
  "deja-lie",
  "identite-prise",
  "non-membre",
  "expire",
  "refuse",
  "niveau",
  "fournisseur",
  "indisponible",
  "delie",
  "seul-acces",
  "confirmer",
] as const;
export type SsoLinkOutcome = (typeof ssoLinkOutcomes)[number];

export function isSsoLinkOutcome(value: unknown): value is SsoLinkOutcome {
  return ssoLinkOutcomes.includes(value as SsoLinkOutcome);
}

export const ACCOUNT_PAGE = "/mon-compte";

export function accountPagePath(outcome: SsoLinkOutcome): string {
  return `${ACCOUNT_PAGE}?sso=${outcome}`;
}

/** The redirect (callback) URL to register at the identity provider, absolute. */
export function ssoCallbackUrl(slug: string): string {
  return `${publicOrigin()}/api/sso/${encodeURIComponent(slug)}/retour`;
}

/** Whether cookies must be Secure: as for Auth.js's, from APP_URL. */
export function usesSecureCookies(): boolean {
  return isHttpsSite();
}
