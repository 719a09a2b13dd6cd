import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { managedEstablishment } from "./managed-establishments";
import { isPlatformAdmin } from "./roles";

/**
 * For the manager pages (/etablissement/*): the signed-in actor, the establishment asked for
 * (their first by default) and every establishment they manage. Anyone who does not manage the
 * one asked for gets the 404 page, never another establishment's page.
 */
export async function requireManagerPage(returnTo: string, organisationId?: string | null) {
  const actor = await requireActor(returnTo);
  const { db } = await getDb();
  try {
    const establishment = await managedEstablishment(db, { actor, organisationId });
    return { actor, db, establishment, establishments: establishment.all };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** For the centre's pages (/centre/*): a platform admin, or the 404 page for anyone else. */
export async function requirePlatformAdminPage(returnTo: string): Promise<Actor> {
  const actor = await requireActor(returnTo);
  if (!isPlatformAdmin(actor)) notFound();

  return actor;
}
