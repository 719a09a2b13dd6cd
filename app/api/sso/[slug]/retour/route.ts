import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { sessionUserIdForApi } from "@/lib/auth/guards";
import { createSessionCookie } from "@/lib/auth/session-cookie";
import { publicOrigin } from "@/lib/http/public-origin";
import { requestOrigin } from "@/lib/http/request-origin";
import { type CompleteSsoFailure, completeSso } from "@/lib/sso/complete-sso";
import { findSsoEstablishment } from "@/lib/sso/find-sso-establishment";
import { type SsoRefusal, linkSsoIdentity } from "@/lib/sso/link-sso-identity";
import { type LinkToUserRefusal, linkSsoIdentityToUser } from "@/lib/sso/link-sso-identity-to-user";
import { SSO_TRANSACTION_COOKIE, openSsoTransaction } from "@/lib/sso/sso-transaction";
import {
  type SsoErrorCode,
  type SsoLinkOutcome,
  accountPagePath,
  ssoCallbackUrl,
  ssoSignInPath,
  usesSecureCookies,
} from "@/lib/sso/sso-urls";

type Context = { params: Promise<{ slug: string }> };

const FAILURE_CODES: Record<CompleteSsoFailure, SsoErrorCode> = {
  denied: "refuse",
  state: "expire",
  acr: "niveau",
  provider: "fournisseur",
};
const REFUSAL_CODES: Record<SsoRefusal, SsoErrorCode> = {
  inactive: "compte-inactif",
  not_member: "non-membre",
  other_establishment: "autre-etablissement",
  link_required: "compte-existant",
  no_account: "sans-compte",
};
const LINK_REFUSAL_CODES: Record<LinkToUserRefusal, SsoLinkOutcome> = {
  not_member: "non-membre",
  identity_taken: "identite-prise",
};

function readCookie(request: Request, name: string): string | undefined {
  const pair = (request.headers.get("cookie") ?? "").split(/;\s*/).find((part) => part.startsWith(`${name}=`));

  return pair?.slice(name.length + 1);
}

/**
 * Where the identity provider sends the browser back. The transaction cookie is spent on the
 * first use, whatever the outcome, so a replayed or forged callback finds none (or a different
 * state) and is refused. On success the same session cookie as Auth.js's sign-ins is set.
 * A transaction started from "Mon compte" links the identity instead, and only when the user
 * signed in on this browser is the one who started it; it changes no session.
 */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const { db } = await getDb();
  const origin = requestOrigin(request.headers);
  const base = publicOrigin();
  const secure = usesSecureCookies();
  const transaction = await openSsoTransaction(readCookie(request, SSO_TRANSACTION_COOKIE));
  const settings = await findSsoEstablishment(db, slug);

  const finish = (location: string) => {
    const response = NextResponse.redirect(new URL(location, base), 303);
    response.headers.set("cache-control", "no-store");
    response.cookies.set(SSO_TRANSACTION_COOKIE, "", {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/api/sso",
      maxAge: 0,
    });
    return response;
  };
  const linking = !!transaction?.linkUserId;
  const fail = async (code: SsoErrorCode, reason: string, detail?: string) => {
    await recordAudit(db, {
      action: linking ? "sso.link_refused" : "sign_in.failed",
      actorUserId: transaction?.linkUserId ?? null,
      organisationId: settings?.organisationId ?? null,
      origin,
      details: { method: "sso", reason, ...(detail ? { detail: detail.slice(0, 300) } : {}) },
    });
    // On /mon-compte a failure is said with the sign-in page's words where they exist.
    return finish(
      linking
        ? accountPagePath(
            code === "refuse" || code === "niveau" || code === "fournisseur" || code === "indisponible"
              ? code
              : "expire",
          )
        : ssoSignInPath(slug, code),
    );
  };

  if (!settings?.isEnabled) return fail("indisponible", "sso_unavailable");
  if (!transaction || transaction.slug !== settings.slug || transaction.organisationId !== settings.organisationId)
    return fail("expire", "no_transaction");
  if (!settings.clientSecret) return fail("fournisseur", "secret_unreadable");

  const completed = await completeSso({
    settings: { ...settings, clientSecret: settings.clientSecret },
    transaction,
    callbackUrl: new URL(request.url),
    redirectUri: ssoCallbackUrl(slug),
  });
  if (!completed.ok) return fail(FAILURE_CODES[completed.error], completed.error, completed.detail);

  if (transaction.linkUserId) {
    // The browser must still be signed in as the user who asked: a transaction is not a credential.
    const userId = await sessionUserIdForApi(request).catch(() => null);
    if (userId !== transaction.linkUserId) return fail("expire", "link_other_session");
    const linked = await linkSsoIdentityToUser(db, {
      organisationId: settings.organisationId,
      userId,
      identity: completed.identity,
      origin,
    });

    return finish(
      accountPagePath(linked.ok ? (linked.alreadyLinked ? "deja-lie" : "lie") : LINK_REFUSAL_CODES[linked.reason]),
    );
  }

  const linked = await linkSsoIdentity(db, {
    organisationId: settings.organisationId,
    identity: completed.identity,
    origin,
  });
  if (linked.status === "refused") return finish(ssoSignInPath(slug, REFUSAL_CODES[linked.reason]));

  const response = finish(transaction.returnTo);
  const session = await createSessionCookie(db, linked.user, secure);
  response.cookies.set(session.name, session.value, session.options);

  return response;
}
