import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { assignments, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import type { Catalogue } from "@/lib/courses/types";
import { AppError } from "@/lib/errors";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";

export type CreateAssignmentOptions = {
  actor: Actor;
  organisationId: string;
  /** null: the whole establishment. */
  teamId: string | null;
  subjectType: "module" | "path";
  subjectId: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  renewYearly: boolean;
  catalogue: Catalogue;
};

/**
 * Assigns the path or a module to an establishment the actor manages, or to one of its teams.
 * Anyone else, or a team of another establishment, gets not_found and nothing is written.
 */
export async function createAssignment(db: Db, options: CreateAssignmentOptions) {
  const { actor, organisationId, teamId, subjectType, subjectId, catalogue } = options;
  await requireManagedEstablishment(db, actor, organisationId);
  if (teamId) {
    if (!z.guid().safeParse(teamId).success) throw new AppError("not_found", "malformed team id");
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, teamId), eq(teams.organisationId, organisationId)));
    if (!team) throw new AppError("not_found", "team of another establishment");
  }
  const exists = subjectType === "path" ? catalogue.pathById.has(subjectId) : catalogue.moduleById.has(subjectId);
  if (!exists) throw new AppError("bad_request", "unknown subject");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.dueOn) || Number.isNaN(Date.parse(options.dueOn)))
    throw new AppError("bad_request", "bad due date");

  const [created] = await db
    .insert(assignments)
    .values({
      organisationId,
      teamId,
      subjectType,
      subjectId,
      dueOn: options.dueOn,
      renewYearly: options.renewYearly,
      createdBy: actor.userId,
    })
    .returning();

  return created!;
}
