import * as oauth from "oauth4webapi";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { isAllowedProviderUrl } from "./loopback";
import { PROVIDER_MAX_RESPONSE_BYTES, PROVIDER_TIMEOUT_MS, ProviderCallRefused, providerFetch } from "./provider-fetch";
import { discoveryUrl } from "./sso-settings-schema";

/** What is wrong, said in `locale` (French when none is given: the audit log's language). */
export type DiscoveryProblem = (locale?: Locale) => string;

export type Discovery =
  { ok: true; server: oauth.AuthorizationServer } | { ok: false; problem: DiscoveryProblem; detail?: string };

type Texts = ReturnType<typeof validationMessages>;

// A failure is cached and may be read in either language, so it keeps how to say it, not the sentence.
function failure(say: (t: Texts) => string, detail?: string): Discovery {
  return { ok: false, problem: (locale) => say(validationMessages(locale)), ...(detail ? { detail } : {}) };
}

function refusal(error: ProviderCallRefused): (t: Texts) => string {
  const origin = error.origin ?? "";
  switch (error.reason) {
    case "scheme":
      return (t) => t("ssoDiscovery.refusedScheme", { origin });
    case "internal":
      return (t) => t("ssoDiscovery.refusedInternal", { origin });
    case "too_large":
      return (t) => t("ssoDiscovery.refusedTooLarge", { origin, kilobytes: PROVIDER_MAX_RESPONSE_BYTES / 1024 });
    case "body":
      return (t) => t("ssoDiscovery.refusedBody");
  }
}

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
 * issuer and give the endpoints the code flow needs. Problems are for the manager, in the
 * language the caller asks for (DiscoveryProblem).
 */
export async function discoverProvider({
  issuer,
  discoveryPath,
  fresh = false,
}: DiscoverProviderOptions): Promise<Discovery> {
  const url = discoveryUrl(issuer, discoveryPath);
  if (!isAllowedProviderUrl(url)) return failure((t) => t("ssoDiscovery.discoveryNotHttps"));
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
    if (error instanceof ProviderCallRefused) return failure(refusal(error), String(error));

    return failure((t) => t("ssoDiscovery.unreachable", { url: url.href }), String(error));
  }
  const { status } = response;
  if (status !== 200) return failure((t) => t("ssoDiscovery.httpStatus", { url: url.href, status }));

  let server: oauth.AuthorizationServer;
  try {
    server = (await response.json()) as oauth.AuthorizationServer;
    if (typeof server !== "object" || server === null || typeof server.issuer !== "string")
      throw new Error("no issuer");
  } catch (error) {
    return failure((t) => t("ssoDiscovery.notDiscovery", { url: url.href }), String(error));
  }
  // Stricter than a URL comparison: the `iss` of every response will be compared character by character.
  const announced = server.issuer;
  if (announced !== issuer) return failure((t) => t("ssoDiscovery.issuerMismatch", { announced, issuer }));
  const missing = (["authorization_endpoint", "token_endpoint", "jwks_uri"] as const).filter(
    (key) => typeof server[key] !== "string",
  );
  if (missing.length > 0) return failure((t) => t("ssoDiscovery.missingEndpoints", { missing: missing.join(", ") }));
  const endpoints = [server.authorization_endpoint, server.token_endpoint, server.userinfo_endpoint].filter(
    (value): value is string => typeof value === "string",
  );
  if (endpoints.some((endpoint) => !isAllowedProviderUrl(new URL(endpoint))))
    return failure((t) => t("ssoDiscovery.endpointsNotHttps"));
  const methods = server.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes("S256")) return failure((t) => t("ssoDiscovery.noPkce"));

  return { ok: true, server };
}
