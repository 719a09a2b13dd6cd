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
export async function listManagedEstablishments(
  db: Db,
  { actor, organisationId }: ListManagedEstablishmentsOptions,
): Promise<ManagedEstablishment[]> {
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
    .where(
      and(
        eq(organisations.kind, "establishment"),
        scope,
        organisationId ? eq(organisations.id, organisationId) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** The ids of every establishment the actor may manage. */
export async function managedEstablishmentIds(db: Db, actor: Actor): Promise<string[]> {
  return (await listManagedEstablishments(db, { actor })).map((establishment) => establishment.id);
}

/**
 * This establishment, when the actor may manage it; not_found otherwise, and for no id at all:
 * a domain function never falls back on another establishment (the first by name, say).
 */
export async function requireManagedEstablishment(
  db: Db,
  actor: Actor,
  organisationId: string | null | undefined,
): Promise<ManagedEstablishment> {
  if (!organisationId) throw new AppError("not_found", "no establishment named");
  const [establishment] = await listManagedEstablishments(db, { actor, organisationId });
  if (!establishment) throw new AppError("not_found", "not a managed establishment");

  return establishment;
}

/** Whether the actor is a platform admin above this establishment (not merely one of its managers). */
export async function isPlatformAdminOf(db: Db, actor: Actor, organisationId: string): Promise<boolean> {
  const adminOnly = { ...actor, memberships: actor.memberships.filter((m) => m.role === "admin") };

  return (await listManagedEstablishments(db, { actor: adminOnly, organisationId })).length > 0;
}

export type ManagerEstablishment =
  | { status: "chosen"; establishment: ManagedEstablishment; all: ManagedEstablishment[] }
  /** Several establishments and no valid choice: the person is asked, never given one by name order. */
  | { status: "choose"; all: ManagedEstablishment[] };

export type ResolveManagerEstablishmentOptions = {
  actor: Actor;
  /** The establishment the URL names (?etablissement=): explicit, so it wins, or not_found. */
  requestedId?: string | null;
  /** The person's current establishment (the vigie-etablissement cookie, already read for this user). */
  currentId?: string | null;
};

/**
 * The establishment a manager page or route acts on: the one the URL names, else the person's
 * current establishment when they manage it, else the only one they manage. With several and no
 * valid choice the answer is "choose", never the first by name. Anyone who manages nothing, or
 * names one they do not manage, gets not_found (never another establishment's page).
 */
export async function resolveManagerEstablishment(
  db: Db,
  options: ResolveManagerEstablishmentOptions,
): Promise<ManagerEstablishment> {
  const all = await listManagedEstablishments(db, { actor: options.actor });
  if (all.length === 0) throw new AppError("not_found", "manages nothing");
  const byId = (id: string | null | undefined) =>
    id ? all.find((establishment) => establishment.id === id) : undefined;
  if (options.requestedId) {
    const requested = byId(options.requestedId);
    if (!requested) throw new AppError("not_found", "not a managed establishment");

    return { status: "chosen", establishment: requested, all };
  }
  const chosen = byId(options.currentId) ?? (all.length === 1 ? all[0] : undefined);

  return chosen ? { status: "chosen", establishment: chosen, all } : { status: "choose", all };
}
