import { type NextRequest, NextResponse } from "next/server";
import { describeDatabaseFailure, isDatabaseUnavailable } from "@/db/database-unavailable";
import { takeVerificationAttempt } from "@/lib/certificates/verification-limit";
import { verificationRefusedResponse } from "@/lib/certificates/verification-refused";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isHttpsSite } from "@/lib/http/public-origin";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { pageOfShell, shellOfPage, shellScriptHashes } from "@/lib/http/module-shell";
import { LOCALE_COOKIE, defaultLocale, isLocale } from "@/lib/i18n/locales";

/**
 * Gives every page a fresh script nonce and its Content-Security-Policy. Next.js reads the
 * policy from the request headers and puts the nonce on its own scripts. Pages still check
 * who is asking themselves; this only sets headers, and serves a module's page from its
 * prerendered shell (moduleShell).
 */
export async function proxy(request: NextRequest) {
  // Certificate look-ups are counted here, prefetches included, because only here can the
  // answer be a 429 with Retry-After.
  if (request.nextUrl.pathname.startsWith("/certificat/")) {
    let attempt;
    try {
      attempt = await takeVerificationAttempt(request.headers);
    } catch (error) {
      // The count needs the database: down or too slow is a 503, as for every page.
      if (!isDatabaseUnavailable(error)) throw error;
      // Answered here, so nothing else logs it: one line naming the statement, as for every 503.
      console.error(describeDatabaseFailure(error));
      return new NextResponse("Le service est momentanément indisponible : réessayez dans quelques instants.", {
        status: 503,
        headers: { "Retry-After": "5", "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    if (!attempt.allowed)
      return verificationRefusedResponse(
        attempt.retryAfterSeconds,
        request.cookies.get(LOCALE_COOKIE)?.value,
        "default-src 'none'; frame-ancestors 'none'",
      );
    if (isPrefetch(request)) return NextResponse.next();
  }
  // Asked by its own address, a shell would get the nonce policy, which its scripts cannot meet:
  // the module's page (or the catalogue) is where it is served from.
  const pageOf = pageOfShell(request.nextUrl.pathname);
  if (pageOf) return NextResponse.redirect(new URL(`${pageOf}${request.nextUrl.search}`, request.url), 308);
  const shell = await pageShell(request);
  if (shell) return shell;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce }, policyOptions());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  return response;
}

/**
 * A module's page and the catalogue come from their shells prerendered at build time (issue 19,
 * shellOfPage), in the visitor's language, with a policy naming their inline scripts by hash. Only
 * a visitor with a session cookie gets one: without it they sign in first, as the page itself would
 * send them; a forged or ended session gets the shell, whose state request answers 401. Null for
 * any other page, and when the build has no such shell (an unknown module, or `next dev`): the
 * page rendered per request answers then.
 */
async function pageShell(request: NextRequest): Promise<NextResponse | null> {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : defaultLocale;
  const shellPath = shellOfPage(request.nextUrl.pathname, locale);
  if (!shellPath) return null;
  const hashes = await shellScriptHashes(shellPath);
  if (!hashes) return null;
  if (!hasSessionCookie(request)) {
    const back = `${request.nextUrl.pathname}${request.nextUrl.search}`;

    return NextResponse.redirect(new URL(`/connexion?retour=${encodeURIComponent(back)}`, request.url), 307);
  }
  const shell = request.nextUrl.clone();
  shell.pathname = shellPath;
  const response = NextResponse.rewrite(shell);
  response.headers.set("content-security-policy", contentSecurityPolicy({ hashes }, policyOptions()));

  return response;
}

/** Auth.js splits a large session cookie into numbered chunks (name.0, name.1…). */
function hasSessionCookie(request: NextRequest): boolean {
  const name = sessionCookieName(isHttpsSite());

  return request.cookies.has(name) || request.cookies.has(`${name}.0`);
}

function policyOptions() {
  return { isDevelopment: env().NODE_ENV === "development", isHttps: isHttpsSite() };
}

function isPrefetch(request: NextRequest): boolean {
  return request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
}

export const config = {
  // Pages only: not route handlers, static files or prefetches (which reuse the page's nonce).
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|icon.svg|favicon.ico|.*\\.[a-z0-9]+$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Certificate look-ups, prefetches included: each is counted (takeVerificationAttempt).
    "/certificat/:path*",
  ],
};
