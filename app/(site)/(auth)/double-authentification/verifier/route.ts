import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getActorAwaitingSecondFactor } from "@/lib/auth/guards";
import { markSecondFactorPassed } from "@/lib/auth/second-factor/session-marks";
import { verifySecondFactor } from "@/lib/auth/second-factor/verify-second-factor";
import { env } from "@/lib/env";
import { homePathOf } from "@/lib/access/home";
import { safeReturnPath } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";
import { requestOrigin } from "@/lib/http/request-origin";
import { isSameOrigin } from "@/lib/http/same-origin";

const see = (path: string) => NextResponse.redirect(new URL(path, publicOrigin()), 303);

/**
 * The second-factor form's target: a right code marks the session as having passed it (and as
 * freshly authenticated) and goes back to `retour`; a wrong one goes back to the form. A plain
 * form post, so that it needs no JavaScript; refused from another site (CSRF).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request, env().APP_URL)) return new NextResponse(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const actor = await getActorAwaitingSecondFactor();
  const returnTo = safeReturnPath(form?.get("retour"), homePathOf(actor));
  const back = (query: string) => see(`/double-authentification?retour=${encodeURIComponent(returnTo)}&${query}`);
  if (!actor?.session) return see(returnTo);
  const code = form?.get("code");
  if (typeof code !== "string" || code.length > 40) return back("erreur=code");

  const { db } = await getDb();
  const origin = requestOrigin(request.headers);
  const checked = await verifySecondFactor(db, { userId: actor.userId, code, origin });
  if (checked.status === "throttled") return back(`erreur=limite&minutes=${Math.ceil(checked.retryAfterSeconds / 60)}`);
  if (checked.status === "not_enrolled")
    return see(`/double-authentification/activer?retour=${encodeURIComponent(returnTo)}`);
  if (checked.status !== "ok") return back("erreur=code");
  await markSecondFactorPassed(db, actor.session.id);
  await recordAudit(db, {
    action: "second_factor.verified",
    actorUserId: actor.userId,
    origin,
    details: { method: checked.method },
  });

  return see(returnTo);
}
