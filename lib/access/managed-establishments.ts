import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { adminCentres, managerOfEstablishments } from "./roles";

export type ManagedEstablishment = { id: string; name: string };

export type ListManagedEstablishmentsOptions = {
  actor: Actor;
  /** Only this establishment, if the actor may manage it. */
  organisationId?: string;
};

const uuid = z.guid();

/**
 * The establishments the actor may manage, by name: those they are a manager of, and for a
 * platform admin (admin of a centre) every establishment under that centre, directly or through
 * a group. Empty for anyone else, and for an id that is not one of them.
 */
export async function listManagedEstablishments(db: Db, { actor, organisationId }: ListManagedEstablishmentsOptions): Promise<ManagedEstablishment[]> {
  const managerOf = managerOfEstablishments(actor);
  const adminOf = adminCentres(actor);
  if (managerOf.length === 0 && adminOf.length === 0) return [];
  // Postgres refuses a malformed uuid with an error; an outsider's garbage is simply "not theirs".
  if (organisationId !== undefined && !uuid.safeParse(organisationId).success) return [];

  // Centre → group → establishment: two levels up is as far as an establishment can sit.
  const parent = alias(organisations, "parent");
  const scope = or(
    managerOf.length > 0 ? inArray(organisations.id, managerOf) : undefined,
    adminOf.length > 0 ? or(inArray(organisations.parentId, adminOf), inArray(parent.parentId, adminOf)) : undefined,
  );

  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(eq(organisations.kind, "establishment"), scope, organisationId ? eq(organisations.id, organisationId) : undefined))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** The ids of every establishment the actor may manage. */
export async function managedEstablishmentIds(db: Db, actor: Actor): Promise<string[]> {
  return (await listManagedEstablishments(db, { actor })).map((establishment) => establishment.id);
}

/** This establishment, when the actor may manage it; not_found otherwise (never another one). */
export async function requireManagedEstablishment(db: Db, actor: Actor, organisationId: string): Promise<ManagedEstablishment> {
  const [establishment] = await listManagedEstablishments(db, { actor, organisationId });
  if (!establishment) throw new AppError("not_found", "not a managed establishment");

  return establishment;
}

/**
 * The establishment a manager page shows: the one the query names, or the actor's first when it
 * names none. An id the actor does not manage gives null (the page answers 404), never another
 * establishment: a link to someone else's page must not look like it worked.
 */
export function chosenEstablishment<T extends ManagedEstablishment>(establishments: T[], requestedId: string | undefined | null): T | null {
  if (requestedId) return establishments.find((establishment) => establishment.id === requestedId) ?? null;

  return establishments[0] ?? null;
}

/**
 * The establishment the actor asks for (the one named, or their first) with all they manage.
 * Anyone who does not manage it (or manages none) gets not_found, the answer for what does not exist.
 */
export async function managedEstablishment(db: Db, options: { actor: Actor; organisationId?: string | null }): Promise<ManagedEstablishment & { all: ManagedEstablishment[] }> {
  const all = await listManagedEstablishments(db, { actor: options.actor });
  const chosen = chosenEstablishment(all, options.organisationId);
  if (!chosen) throw new AppError("not_found", "not a managed establishment");

  return { ...chosen, all };
}
