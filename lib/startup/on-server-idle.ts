type IdleReleases = typeof globalThis & { __vigieIdleReleases?: Set<() => void> };

/**
 * Has `release` run each time server.mjs finds the server idle (no request for 5 s), just before
 * its full collection, so that memory held only to go faster is given back. The set lives on
 * globalThis: each route bundle may load its own copy of the module that registers.
 */
export function onServerIdle(release: () => void): void {
  const process = globalThis as IdleReleases;
  (process.__vigieIdleReleases ??= new Set()).add(release);
}

/** What server.mjs does once idle; for tests. */
export function runIdleReleases(): void {
  for (const release of (globalThis as IdleReleases).__vigieIdleReleases ?? []) release();
}
