import * as oauth from "oauth4webapi";
import { checkPersonName } from "@/lib/people/person-name";
import type { SsoIdentity } from "./link-sso-identity";
import { discoverProvider, httpOptions } from "./discover-provider";
import { proSanteConnectStructureIds } from "./pro-sante-connect";
import type { SsoClientSettings } from "./find-sso-establishment";
import type { SsoTransaction } from "./sso-transaction";

export type CompleteSsoFailure = "denied" | "state" | "acr" | "provider";

export type CompleteSsoResult =
  { ok: true; identity: SsoIdentity } | { ok: false; error: CompleteSsoFailure; detail: string };

export type CompleteSsoOptions = {
  settings: SsoClientSettings & { clientSecret: string };
  transaction: SsoTransaction;
  callbackUrl: URL;
  redirectUri: string;
};

function stringClaim(source: Record<string, unknown>, key: string): string | null {
  const value = source[key];

  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * Checks the provider's answer and turns it into an identity: state (bound to this browser's
 * transaction), `iss` (RFC 9207), the code exchanged with the PKCE verifier, the ID token
 * (issuer, audience, expiry, nonce), acr when acr_values is configured, then userinfo, whose
 * `sub` must be the ID token's. For a provider marked as Pro Santé Connect only, userinfo's
 * SubjectNameID is the subject and SubjectRefPro gives the structures; elsewhere these claims are
 * ignored (a generic provider may let its users edit them).
 */
export async function completeSso({
  settings,
  transaction,
  callbackUrl,
  redirectUri,
}: CompleteSsoOptions): Promise<CompleteSsoResult> {
  const discovery = await discoverProvider(settings);
  if (!discovery.ok) return { ok: false, error: "provider", detail: discovery.problem() };
  const { server } = discovery;
  const client: oauth.Client = { client_id: settings.clientId };
  const methods = server.token_endpoint_auth_methods_supported;
  const clientAuth =
    !methods || methods.includes("client_secret_basic")
      ? oauth.ClientSecretBasic(settings.clientSecret)
      : oauth.ClientSecretPost(settings.clientSecret);

  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(server, client, callbackUrl.searchParams, transaction.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError)
      return { ok: false, error: "denied", detail: `${error.error}: ${error.error_description ?? ""}` };
    const detail = String(error);

    return { ok: false, error: /state/i.test(detail) ? "state" : "provider", detail };
  }

  try {
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      clientAuth,
      parameters,
      redirectUri,
      transaction.codeVerifier,
      httpOptions(settings.issuer),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: transaction.nonce,
      requireIdToken: true,
    });
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    const acrValues = settings.acrValues?.split(" ") ?? [];
    if (acrValues.length > 0 && !acrValues.includes(String(claims.acr)))
      return { ok: false, error: "acr", detail: `acr ${String(claims.acr)} not in ${settings.acrValues}` };

    let profile: Record<string, unknown> = { ...claims };
    if (server.userinfo_endpoint) {
      const userinfoResponse = await oauth.userInfoRequest(
        server,
        client,
        tokens.access_token,
        httpOptions(settings.issuer),
      );
      profile = { ...profile, ...(await oauth.processUserInfoResponse(server, client, claims.sub, userinfoResponse)) };
    }
    const email = stringClaim(profile, "email")?.toLowerCase() ?? null;
    const given = stringClaim(profile, "given_name");
    const family = stringClaim(profile, "family_name");
    const psc = settings.isProSanteConnect;

    return {
      ok: true,
      identity: {
        issuer: server.issuer,
        subject: (psc ? stringClaim(profile, "SubjectNameID") : null) ?? claims.sub,
        email,
        emailVerified: email !== null && (profile.email_verified === true || profile.email_verified === "true"),
        name: providerName(stringClaim(profile, "name") ?? [given, family].filter(Boolean).join(" ")),
        structureIds: psc ? proSanteConnectStructureIds(profile) : [],
      },
    };
  } catch (error) {
    return { ok: false, error: "provider", detail: String(error) };
  }
}

/** The provider's name for the person, if it passes the rule every name passes; else none. */
function providerName(value: string): string | null {
  const checked = checkPersonName(value);

  return checked.ok ? checked.name : null;
}
