import * as oauth from "oauth4webapi";
import { isAllowedProviderUrl } from "./loopback";
import { PROVIDER_TIMEOUT_MS, ProviderCallRefused, providerFetch } from "./provider-fetch";
import { discoveryUrl } from "./sso-settings-schema";

export type Discovery =
  { ok: true; server: oauth.AuthorizationServer } | { ok: false; problem: string; detail?: string };

export type DiscoverProviderOptions = {
  issuer: string;
  discoveryPath: string | null;
  /** Skip the cache (the manager's "Tester la découverte"). */ fresh?: boolean;
};

// Sign-in starts are anonymous GETs: a cache keeps them from each costing a request to the
// provider, failures included (for a minute), so that nobody can make the server call out at will.
const CACHE_MS = 5 * 60 * 1000;
const FAILURE_CACHE_MS = 60 * 1000;
const cache = new Map<string, { result: Discovery; expiresAt: number }>();

/**
 * Every call of oauth4webapi to the provider (token, userinfo) goes through providerFetch; it
 * refuses plain http unless told, which only loopback issuers (tests) may be.
 */
export function httpOptions(issuer: string): {
  [oauth.allowInsecureRequests]?: boolean;
  [oauth.customFetch]: typeof providerFetch;
  signal: AbortSignal;
} {
  const url = new URL(issuer);
  const insecure = url.protocol === "http:" && isAllowedProviderUrl(url);

  return {
    ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
    [oauth.customFetch]: providerFetch,
    signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
  };
}

/**
 * Fetches and checks an identity provider's discovery document (at the standard path, or the
 * configured one such as Pro Santé Connect's): the document must name exactly the configured
 * issuer and give the endpoints the code flow needs. Problems are said in French for the manager.
 */
export async function discoverProvider({
  issuer,
  discoveryPath,
  fresh = false,
}: DiscoverProviderOptions): Promise<Discovery> {
  const url = discoveryUrl(issuer, discoveryPath);
  if (!isAllowedProviderUrl(url)) return { ok: false, problem: "L'adresse de découverte doit être en https://." };
  const key = `${issuer} ${url.href}`;
  const cached = cache.get(key);
  if (!fresh && cached && cached.expiresAt > Date.now()) return cached.result;
  const result = await fetchDiscovery(issuer, url);
  cache.set(key, { result, expiresAt: Date.now() + (result.ok ? CACHE_MS : FAILURE_CACHE_MS) });

  return result;
}

async function fetchDiscovery(issuer: string, url: URL): Promise<Discovery> {
  let response: Response;
  try {
    response = await providerFetch(url, { headers: { accept: "application/json" } });
  } catch (error) {
    if (error instanceof ProviderCallRefused)
      return {
        ok: false,
        problem: `Vigie n'appelle pas ce fournisseur d'identité : ${error.message}.`,
        detail: String(error),
      };

    return {
      ok: false,
      problem: `Le fournisseur d'identité ne répond pas à ${url.href} (serveur injoignable ou délai dépassé).`,
      detail: String(error),
    };
  }
  if (response.status !== 200)
    return {
      ok: false,
      problem: `Le document de découverte ${url.href} répond avec le code HTTP ${response.status} au lieu de 200 : vérifiez l'émetteur et le chemin de découverte.`,
    };

  let server: oauth.AuthorizationServer;
  try {
    server = (await response.json()) as oauth.AuthorizationServer;
    if (typeof server !== "object" || server === null || typeof server.issuer !== "string")
      throw new Error("no issuer");
  } catch (error) {
    return {
      ok: false,
      problem: `Le document ${url.href} n'est pas un document de découverte OpenID Connect valide.`,
      detail: String(error),
    };
  }
  // Stricter than a URL comparison: the `iss` of every response will be compared character by character.
  if (server.issuer !== issuer) {
    return {
      ok: false,
      problem: `Le document de découverte annonce l'émetteur « ${server.issuer} », différent de celui saisi (« ${issuer} ») : ils doivent être identiques au caractère près (attention à la barre finale).`,
    };
  }
  const missing = (["authorization_endpoint", "token_endpoint", "jwks_uri"] as const).filter(
    (key) => typeof server[key] !== "string",
  );
  if (missing.length > 0)
    return { ok: false, problem: `Le document de découverte ne donne pas : ${missing.join(", ")}.` };
  const endpoints = [server.authorization_endpoint, server.token_endpoint, server.userinfo_endpoint].filter(
    (value): value is string => typeof value === "string",
  );
  if (endpoints.some((endpoint) => !isAllowedProviderUrl(new URL(endpoint))))
    return { ok: false, problem: "Les adresses du fournisseur d'identité doivent être en https://." };
  const methods = server.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes("S256"))
    return { ok: false, problem: "Le fournisseur d'identité n'accepte pas PKCE S256, exigé par Vigie." };

  return { ok: true, server };
}
