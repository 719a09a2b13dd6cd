/** Hosts where plain http is allowed for an identity provider: this machine only (tests, development). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Whether Vigie may talk to this URL: https, or http on a loopback host. */
export function isAllowedProviderUrl(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}
