import { appMode, env } from "@/lib/env";

/** Hosts where plain http is allowed for an identity provider: this machine only (tests, development). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * Whether Vigie may talk to this URL: https, or http on a loopback host outside production
 * (or with SSO_ALLOW_LOOPBACK_HTTP=true, which production mode refuses), so that a manager
 * cannot point the server at plain-http services on its own machine. Where the name leads is
 * checked at connection time (provider-fetch.ts).
 */
export function isAllowedProviderUrl(url: URL): boolean {
  return (
    url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname) && loopbackHttpAllowed())
  );
}

/** Whether this machine's own addresses may be called: outside production, or with the test setting. */
export function loopbackHttpAllowed(): boolean {
  const config = env();

  return config.SSO_ALLOW_LOOPBACK_HTTP || (config.NODE_ENV !== "production" && appMode(config) === "demo");
}

/**
 * Whether the operator listed this host in SSO_INTERNAL_PROVIDER_HOSTS: an identity provider of
 * the hospital's own network (ADFS, Keycloak of a GHT), which may then resolve to a private
 * address; never to loopback, link-local or metadata addresses, and https is still required.
 */
export function isInternalProviderHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();

  return env().SSO_INTERNAL_PROVIDER_HOSTS.includes(host);
}
