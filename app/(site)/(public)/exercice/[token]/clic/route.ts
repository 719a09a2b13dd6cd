import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/read-json";
import { isSameOrigin } from "@/lib/http/same-origin";
import { recordHumanClick } from "@/lib/phishing/record-landing";

type Context = { params: Promise<{ token: string }> };

/**
 * A person's click on an exercise link, posted by the landing page's button on a real user
 * activation: a same-origin JSON request, which a link scanner's GET or HEAD never is (and a
 * cross-site form cannot send). Answers 204 whether or not the token counted, so that the
 * answer tells nothing about which tokens exist.
 */
export async function POST(request: Request, { params }: Context) {
  if (!isSameOrigin(request, env().APP_URL)) return new NextResponse(null, { status: 403 });
  const body = await readJson(request, 256).catch(() => null);
  if (!body || (body as { activated?: unknown }).activated !== true) return new NextResponse(null, { status: 400 });
  const [{ token }, { db }, actor] = await Promise.all([params, getDb(), getActor()]);
  await recordHumanClick(db, {
    token,
    now: new Date(),
    viewerOrganisationIds: actor?.memberships.map((m) => m.organisationId),
  });

  return new NextResponse(null, { status: 204 });
}
