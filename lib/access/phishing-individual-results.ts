import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisations, phishingExercises } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { type ManagedEstablishment, requireManagedEstablishment } from "./managed-establishments";

export type IndividualResultsScope = {
  exercise: { id: string; organisationId: string; scenarioId: string; windowStartsOn: string };
  establishment: ManagedEstablishment;
};

/**
 * The exercise whose per-person results the actor may read: one of an establishment they manage
 * (lib/access/managed-establishments) whose managers were allowed to see individual results
 * (organisations.phishing_individual_results). Anything else, including a malformed id and every
 * exercise of an establishment that keeps results to each person, is not_found, so that nobody
 * learns from the answer whether the setting is on or the exercise exists.
 */
export async function requireIndividualResults(
  db: Db,
  actor: Actor,
  exerciseId: string,
): Promise<IndividualResultsScope> {
  if (!z.guid().safeParse(exerciseId).success) throw new AppError("not_found", "malformed exercise id");
  const [exercise] = await db
    .select({
      id: phishingExercises.id,
      organisationId: phishingExercises.organisationId,
      scenarioId: phishingExercises.scenarioId,
      windowStartsOn: phishingExercises.windowStartsOn,
    })
    .from(phishingExercises)
    .innerJoin(organisations, eq(organisations.id, phishingExercises.organisationId))
    .where(and(eq(phishingExercises.id, exerciseId), eq(organisations.phishingIndividualResults, true)));
  if (!exercise) throw new AppError("not_found", "no such exercise, or individual results are not shown");
  const establishment = await requireManagedEstablishment(db, actor, exercise.organisationId);

  return { exercise, establishment };
}
