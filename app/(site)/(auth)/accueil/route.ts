import { NextResponse } from "next/server";
import { homePath } from "@/lib/access/home";
import { getActor, getActorAwaitingSecondFactor, secondFactorPath } from "@/lib/auth/guards";
import { publicOrigin } from "@/lib/http/public-origin";

const see = (path: string) => {
  const response = NextResponse.redirect(new URL(path, publicOrigin()), 303);
  response.headers.set("cache-control", "no-store");

  return response;
};

/**
 * Sends the signed-in person to their home (lib/access/home.ts), through the second factor when
 * their session still waits for it; anyone else to the sign-in page. A route, not a page: the
 * sign-ins that land here (a mail's link, SSO) are plain HTTP redirects, and so is this one.
 */
export async function GET() {
  const actor = await getActor();
  if (actor) return see(homePath(actor));
  const waiting = await getActorAwaitingSecondFactor();
  if (waiting) return see(secondFactorPath(homePath(waiting)));

  return see("/connexion");
}
