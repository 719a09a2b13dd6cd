import type { Actor } from "@/lib/auth/load-actor";
import { isPlatformAdmin, managerOfEstablishments } from "./roles";

/**
 * The address that sends a signed-in person to their home (app/(auth)/accueil/route.ts): where
 * a sign-in that happens away from the app (a link in a mail, SSO) lands when it was going
 * nowhere in particular, since who signs in is known only then.
 */
export const HOME_PATH = "/accueil";

/**
 * Where a person lands after signing in when no page asked for them: a centre's admin on the
 * centre's dashboard, a manager on their establishment's dashboard, anyone else on "Mes modules".
 */
export function homePath(actor: Actor): string {
  if (isPlatformAdmin(actor)) return "/centre/tableau-de-bord";
  if (managerOfEstablishments(actor).length > 0) return "/etablissement/tableau-de-bord";

  return "/modules";
}

/** homePath of a person who may not be known yet: HOME_PATH then decides once they are. */
export function homePathOf(actor: Actor | null | undefined): string {
  return actor ? homePath(actor) : HOME_PATH;
}
