import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { phishingExercises, teams } from "@/db/schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { SCENARIO_ID_MAX_LENGTH, WORKING_DAYS } from "./exercise-window";
import { parisToday } from "./plan-send-times";

/** The bounds of exercise-window.ts, working days as the table's CHECK constraint. */
export const createExerciseSchema = z.object({
  scenarioId: z.string().min(1).max(SCENARIO_ID_MAX_LENGTH),
  teamIds: z.array(z.guid()).max(500),
  windowStartsOn: z.iso.date(),
  workingDays: z.number().int().min(WORKING_DAYS.min).max(WORKING_DAYS.max),
  assignModuleOnClick: z.boolean(),
});

export type CreateExerciseValues = z.infer<typeof createExerciseSchema>;

export type CreateExerciseOptions = {
  actor: Actor;
  organisationId: string;
  values: CreateExerciseValues;
  /** The scenarios that exist (lib/phishing/scenarios.ts). */
  scenarioIds: readonly string[];
  now: Date;
};

/**
 * Creates a draft exercise for an establishment the actor manages; its services must be the
 * establishment's own (not_found otherwise, nothing written), its window must not start in
 * the past (Paris calendar). Nothing is sent before it is launched.
 */
export async function createExercise(db: Db, options: CreateExerciseOptions) {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  const values = createExerciseSchema.parse(options.values);
  if (!options.scenarioIds.includes(values.scenarioId)) throw new AppError("bad_request", "unknown scenario");
  if (values.windowStartsOn < parisToday(options.now)) throw new AppError("bad_request", "window in the past");
  const teamIds = [...new Set(values.teamIds)];
  if (teamIds.length > 0) {
    const own = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, establishment.id), inArray(teams.id, teamIds)));
    if (own.length !== teamIds.length) throw new AppError("not_found", "team of another establishment");
  }

  const [created] = await db
    .insert(phishingExercises)
    .values({ ...values, teamIds, organisationId: establishment.id, createdBy: options.actor.userId })
    .returning();

  return created!;
}
