import { env } from "@/lib/env";

/** Hosts where plain http is allowed for an identity provider: this machine only (tests, development). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * Whether Vigie may talk to this URL: https, or http on a loopback host outside production
 * (or in production with SSO_ALLOW_LOOPBACK_HTTP=true), so that a manager cannot point the
 * server at plain-http services on its own machine.
 */
export function isAllowedProviderUrl(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname) && loopbackHttpAllowed());
}

function loopbackHttpAllowed(): boolean {
  const config = env();

  return config.NODE_ENV !== "production" || config.SSO_ALLOW_LOOPBACK_HTTP;
}
