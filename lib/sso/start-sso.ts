import * as oauth from "oauth4webapi";
import type { Db } from "@/db/client";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { discoverProvider } from "./discover-provider";
import { findSsoEstablishment } from "./find-sso-establishment";
import type { SsoTransaction } from "./sso-transaction";

export type StartSsoResult =
  { ok: true; authorizationUrl: URL; transaction: SsoTransaction } | { ok: false; error: "unavailable" | "provider" };

export type StartSsoOptions = {
  slug: string;
  redirectUri: string;
  returnTo: string;
  origin?: RequestOrigin;
  /** A link from "Mon compte": the signed-in user and the establishment their request named. */
  link?: { userId: string; organisationId: string };
};

/**
 * Prepares an authorization code request to the establishment's identity provider, with a
 * fresh state, nonce and PKCE S256 verifier kept in the returned transaction (for the cookie).
 */
export async function startSso(
  db: Db,
  { slug, redirectUri, returnTo, origin, link }: StartSsoOptions,
): Promise<StartSsoResult> {
  const settings = await findSsoEstablishment(db, slug);
  if (!settings?.isEnabled || (link && link.organisationId !== settings.organisationId))
    return { ok: false, error: "unavailable" };
  const discovery = await discoverProvider(settings);
  if (!discovery.ok) {
    await recordAudit(db, {
      action: "sign_in.failed",
      organisationId: settings.organisationId,
      origin,
      details: { method: "sso", reason: "discovery", problem: discovery.problem() },
    });
    return { ok: false, error: "provider" };
  }

  const transaction: SsoTransaction = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    organisationId: settings.organisationId,
    slug: settings.slug,
    returnTo,
    ...(link ? { linkUserId: link.userId } : {}),
  };
  const url = new URL(discovery.server.authorization_endpoint!);
  const parameters: Record<string, string> = {
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    scope: settings.scopes,
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(transaction.codeVerifier),
    code_challenge_method: "S256",
    ...(settings.acrValues ? { acr_values: settings.acrValues } : {}),
  };
  for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);

  return { ok: true, authorizationUrl: url, transaction };
}
