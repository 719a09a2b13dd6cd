import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

/**
 * Gives every page a fresh script nonce and its Content-Security-Policy. Next.js reads the
 * policy from the request headers and puts the nonce on its own scripts. Pages still check
 * who is asking themselves; this only sets headers.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    isDevelopment: env().NODE_ENV === "development",
    isHttps: env().APP_URL?.startsWith("https:") ?? false,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  return response;
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
  ],
};
