import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { sessionUserIdForApi } from "@/lib/auth/guards";
import { HOME_PATH } from "@/lib/access/home";
import { safeReturnPath } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";
import { requestOrigin } from "@/lib/http/request-origin";
import { startSso } from "@/lib/sso/start-sso";
import { SSO_TRANSACTION_COOKIE, SSO_TRANSACTION_MAX_AGE_SECONDS, sealSsoTransaction } from "@/lib/sso/sso-transaction";
import { openSsoLinkRequest } from "@/lib/sso/sso-link-request";
import { ACCOUNT_PAGE, accountPagePath, ssoCallbackUrl, ssoSignInPath, usesSecureCookies } from "@/lib/sso/sso-urls";

type Context = { params: Promise<{ slug: string }> };

/**
 * Sends the browser to the establishment's identity provider. A link, not a form: the pages'
 * CSP (form-action 'self') would stop a form's redirect to another site. The state, nonce and
 * PKCE verifier travel in an encrypted cookie only this browser holds. With `?lier=`, the sealed
 * request of "Lier mon compte", the sign-in links the identity to the signed-in user who asked.
 */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const { db } = await getDb();
  const base = publicOrigin();
  const search = new URL(request.url).searchParams;
  const linking = search.has("lier");
  const link = linking ? await linkRequestOfSignedInUser(request, search.get("lier")) : undefined;
  if (linking && !link) return NextResponse.redirect(new URL(accountPagePath("expire"), base), 303);
  // Without `retour`, the person's home, known once the provider has answered (HOME_PATH).
  const returnTo = link ? ACCOUNT_PAGE : safeReturnPath(search.get("retour"), HOME_PATH);
  const result = await startSso(db, {
    slug,
    redirectUri: ssoCallbackUrl(slug),
    returnTo,
    origin: requestOrigin(request.headers),
    link,
  });
  if (!result.ok && link)
    return NextResponse.redirect(
      new URL(accountPagePath(result.error === "unavailable" ? "indisponible" : "fournisseur"), base),
      303,
    );
  if (!result.ok)
    return NextResponse.redirect(
      new URL(ssoSignInPath(slug, result.error === "unavailable" ? "indisponible" : "fournisseur"), base),
      303,
    );

  const response = NextResponse.redirect(result.authorizationUrl, 303);
  response.headers.set("cache-control", "no-store");
  response.cookies.set(SSO_TRANSACTION_COOKIE, await sealSsoTransaction(result.transaction), {
    httpOnly: true,
    // Lax: the cookie comes back on the provider's top-level redirect to the callback, not on cross-site subrequests.
    sameSite: "lax",
    secure: usesSecureCookies(),
    path: "/api/sso",
    maxAge: SSO_TRANSACTION_MAX_AGE_SECONDS,
  });

  return response;
}

/** The link request, if it was sealed for the user signed in on this browser; else undefined. */
async function linkRequestOfSignedInUser(request: Request, value: string | null) {
  const [linkRequest, userId] = await Promise.all([
    openSsoLinkRequest(value),
    sessionUserIdForApi(request).catch(() => null),
  ]);

  return linkRequest && userId && linkRequest.userId === userId ? linkRequest : undefined;
}
