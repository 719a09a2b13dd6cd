import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { CURRENT_ESTABLISHMENT_COOKIE, chosenOrganisationId } from "@/lib/auth/current-establishment";
import { requireActor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { resolveManagerEstablishment } from "./managed-establishments";
import { isPlatformAdmin } from "./roles";

/**
 * For the manager pages (/etablissement/*): the signed-in actor, the establishment the page acts
 * on (see resolveManagerEstablishment: the one the URL names, else the current one, else the only
 * one) and every establishment they manage. Someone with several and no choice is sent to choose;
 * anyone who does not manage the one asked for gets the 404 page, never another's page.
 */
export async function requireManagerPage(returnTo: string, organisationId?: string | null) {
  const actor = await requireActor(returnTo);
  const { db } = await getDb();
  const currentId = chosenOrganisationId((await cookies()).get(CURRENT_ESTABLISHMENT_COOKIE)?.value, actor.userId);
  const resolved = await resolveManagerEstablishment(db, { actor, requestedId: organisationId, currentId }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  if (resolved.status === "choose") redirect(`/etablissement/choisir?retour=${encodeURIComponent(returnTo)}`);

  return { actor, db, establishment: { ...resolved.establishment, all: resolved.all }, establishments: resolved.all };
}

/** For the centre's pages (/centre/*): a platform admin, or the 404 page for anyone else. */
export async function requirePlatformAdminPage(returnTo: string): Promise<Actor> {
  const actor = await requireActor(returnTo);
  if (!isPlatformAdmin(actor)) notFound();

  return actor;
}
