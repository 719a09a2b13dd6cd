import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

const TEAM_NAME_MIN = 2;
const TEAM_NAME_MAX = 120;

/** A team's name, with messages in `locale` (French when absent). */
export function teamNameSchemaFor(locale?: Locale) {
  const t = validationMessages(locale);

  return z
    .string()
    .trim()
    .min(TEAM_NAME_MIN, t("team.nameShort", { min: TEAM_NAME_MIN }))
    .max(TEAM_NAME_MAX, t("team.nameLong", { max: TEAM_NAME_MAX }));
}

export const teamNameSchema = teamNameSchemaFor();

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
