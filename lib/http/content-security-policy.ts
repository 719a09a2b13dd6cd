/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce
 * ('strict-dynamic' lets those load Next.js's chunks); 'unsafe-eval' only in development,
 * where React's tooling needs it. Styles allow inline attributes (the player's progress bar is a
 * server-rendered style="width: …"); a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { isDevelopment: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
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
