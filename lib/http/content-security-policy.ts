/**
 * The inline scripts a page may run: those carrying this response's nonce ('strict-dynamic' lets
 * them load Next.js's chunks), or, for a page prerendered at build time (the module shell), which
 * cannot carry a per-request nonce, exactly those of its HTML by their hashes, the chunks coming
 * from 'self'.
 */
export type ScriptSources = { nonce: string } | { hashes: readonly string[] };

/**
 * The Content-Security-Policy of every page. 'unsafe-eval' only in development, where React's
 * tooling needs it. Styles allow inline attributes (the player's progress bar is a
 * server-rendered style="width: …"); a style cannot run code.
 */
export function contentSecurityPolicy(
  scripts: ScriptSources,
  options: { isDevelopment: boolean; isHttps: boolean },
): string {
  const allowed = "nonce" in scripts ? `'nonce-${scripts.nonce}' 'strict-dynamic'` : scripts.hashes.join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${allowed}${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // No page sets a <base>: 'none' stops an injected one from moving relative links and forms elsewhere (review L8).
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];

  return directives.join("; ");
}
