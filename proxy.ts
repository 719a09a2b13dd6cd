import { type NextRequest, NextResponse } from "next/server";
import { describeDatabaseFailure, isDatabaseUnavailable } from "@/db/database-unavailable";
import { takeVerificationAttempt } from "@/lib/certificates/verification-limit";
import { verificationRefusedResponse } from "@/lib/certificates/verification-refused";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isHttpsSite } from "@/lib/http/public-origin";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

/**
 * Gives every page a fresh script nonce and its Content-Security-Policy. Next.js reads the
 * policy from the request headers and puts the nonce on its own scripts. Pages still check
 * who is asking themselves; this only sets headers.
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
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    isDevelopment: env().NODE_ENV === "development",
    isHttps: isHttpsSite(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  return response;
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
