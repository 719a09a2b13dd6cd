import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { HOME_PATH, homePath } from "@/lib/access/home";
import { needsSecondFactor } from "@/lib/access/second-factor";
import { secondFactorPath } from "./guards";
import { loadActor } from "./load-actor";
import { identifierColumn } from "./verify-credentials";

export type SignInLandingOptions = {
  /** The e-mail or username the person has just signed in with (verified by Auth.js). */
  identifier: string;
  /** The page they were going to, already made safe (safeReturnPath); absent: their home. */
  returnTo?: string;
};

/**
 * Where the sign-in form sends a person whose password was just accepted: the page they were
 * going to, else their home (homePath), through the second-factor page when their role needs one,
 * so that the browser makes one step and never lands on a page that would send it on again.
 */
export async function signInLanding(db: Db, { identifier, returnTo }: SignInLandingOptions): Promise<string> {
  const normalised = identifier.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(identifierColumn(normalised), normalised));
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor) return returnTo ?? HOME_PATH;
  const destination = returnTo ?? homePath(actor);

  return needsSecondFactor(actor.memberships) ? secondFactorPath(destination) : destination;
}
