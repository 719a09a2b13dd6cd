import type { Db } from "@/db/client";
import { chosenOrganisationId, currentEstablishmentCookie } from "@/lib/auth/current-establishment";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { type ManagedEstablishment, resolveManagerEstablishment } from "./managed-establishments";

/**
 * For the manager's route handlers (exports): the establishment the URL names, else the current
 * one, else the only one the actor manages (as the pages). A download never asks to choose: with
 * several and no choice, or one not managed, it is not_found.
 */
export async function requireManagerRouteEstablishment(
  db: Db,
  options: { actor: Actor; request: Pick<Request, "headers">; requestedId?: string | null },
): Promise<ManagedEstablishment> {
  const currentId = chosenOrganisationId(currentEstablishmentCookie(options.request.headers), options.actor.userId);
  const resolved = await resolveManagerEstablishment(db, {
    actor: options.actor,
    requestedId: options.requestedId,
    currentId,
  });
  if (resolved.status === "choose") throw new AppError("not_found", "several establishments and none chosen");

  return resolved.establishment;
}
