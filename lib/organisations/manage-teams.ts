import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { AppError } from "@/lib/errors";

export const teamNameSchema = z
  .string()
  .trim()
  .min(2, "Le nom du service doit compter au moins 2 caractères.")
  .max(120, "Le nom du service ne doit pas dépasser 120 caractères.");

/** The teams (services, units) of an establishment the actor manages, with their staff counts. */
export async function listTeams(db: Db, options: { actor: Actor; organisationId: string }) {
  await requireManagedEstablishment(db, options.actor, options.organisationId);

  return db
    .select({
      id: teams.id,
      name: teams.name,
      members: sql<number>`(select count(*)::int from ${memberships} m where m.team_id = ${teams.id})`,
    })
    .from(teams)
    .where(eq(teams.organisationId, options.organisationId))
    .orderBy(asc(teams.name));
}

/**
 * The teams of an establishment, by name, for its manager pages' pickers and breakdowns: the
 * establishment must come from lib/access (requireManagerPage), which checked who is asking.
 */
export async function teamsOfEstablishment(
  db: Db,
  establishment: { id: string },
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.organisationId, establishment.id))
    .orderBy(asc(teams.name));
}

/** Adds a team; a name already used in the establishment is a conflict. */
export async function createTeam(db: Db, options: { actor: Actor; organisationId: string; name: string }) {
  await requireManagedEstablishment(db, options.actor, options.organisationId);
  const name = teamNameSchema.parse(options.name);
  const [created] = await db
    .insert(teams)
    .values({ organisationId: options.organisationId, name })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError("conflict", "team name already used");

  return created;
}

/** Removes a team of an establishment the actor manages; its members stay, without a team. */
export async function deleteTeam(db: Db, options: { actor: Actor; organisationId: string; teamId: string }) {
  await requireManagedEstablishment(db, options.actor, options.organisationId);
  if (!z.uuid().safeParse(options.teamId).success) throw new AppError("not_found");
  const [deleted] = await db
    .delete(teams)
    .where(and(eq(teams.id, options.teamId), eq(teams.organisationId, options.organisationId)))
    .returning({ id: teams.id });
  if (!deleted) throw new AppError("not_found");
}
