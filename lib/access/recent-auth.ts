import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

/** How recent a proof of identity must be before erasure, access changes, SSO settings and exports. */
export const RECENT_AUTH_MINUTES = 10;

/** The page where the person confirms who they are, then goes back to `returnTo`. */
export function reauthenticationPath(returnTo: string): string {
  return `/confirmer-identite?retour=${encodeURIComponent(returnTo)}`;
}

/** Whether the actor's session proved who they are (sign-in, second factor, confirmation) within the last 10 minutes. */
export function hasRecentAuth(actor: Actor, now = new Date()): boolean {
  const at = actor.session?.authenticatedAt;

  return Boolean(at && now.getTime() - at.getTime() <= RECENT_AUTH_MINUTES * 60_000);
}

/**
 * Refuses (reauthentication_required) a sensitive action when the actor's session has not proved
 * who they are within the last 10 minutes: a session left open on a shared PC, or a stolen
 * cookie, cannot erase people, change access, repoint SSO or take personal data away. An actor
 * with no session (a script) has nothing recent to show and is refused too.
 */
export function requireRecentAuth(actor: Actor, now = new Date()): void {
  if (!hasRecentAuth(actor, now))
    throw new AppError("reauthentication_required", "no proof of identity in the last 10 minutes");
}
