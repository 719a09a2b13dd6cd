import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";
import { requestOrigin } from "@/lib/http/request-origin";
import { isSameOrigin } from "@/lib/http/same-origin";

const see = (path: string) => NextResponse.redirect(new URL(path, publicOrigin()), 303);
const text = (form: FormData | null, name: string) => {
  const value = form?.get(name);
  return typeof value === "string" && value.length <= 1024 ? value : undefined;
};

/**
 * The identity confirmation's target: a right password or code marks the session as freshly
 * authenticated and goes back to `retour`; anything else back to the form, nothing changed. A
 * plain form post (no JavaScript needed), refused from another site.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request, env().APP_URL)) return new NextResponse(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const returnTo = safeReturnPath(form?.get("retour"), "/mon-compte");
  const back = (query: string) => see(`/confirmer-identite?retour=${encodeURIComponent(returnTo)}&${query}`);
  const actor = await getActor();
  if (!actor?.session) return see(`/connexion?retour=${encodeURIComponent(returnTo)}`);

  const { db } = await getDb();
  const result = await reauthenticate(db, {
    userId: actor.userId,
    sessionId: actor.session.id,
    password: text(form, "password"),
    code: text(form, "code"),
    origin: requestOrigin(request.headers),
  });
  if (result.status === "throttled") return back(`erreur=limite&minutes=${Math.ceil(result.retryAfterSeconds / 60)}`);
  if (result.status !== "ok") return back("erreur=invalide");

  return see(returnTo);
}
