import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "../../lib/http/content-security-policy";

// What Vigie's proxy.ts does for every page: a fresh nonce and the policy that names it.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { isDevelopment: false, isHttps: false });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  return response;
}

export const config = { matcher: ["/((?!api|_next/static).*)"] };
