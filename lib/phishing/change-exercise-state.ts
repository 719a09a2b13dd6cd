import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type PhishingExerciseState, phishingExercises } from "@/db/schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { type AuditAction, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

export const exerciseStateChanges = ["pause", "resume", "cancel"] as const;
export type ExerciseStateChange = (typeof exerciseStateChanges)[number];

export const exerciseTransitions: Record<
  ExerciseStateChange,
  { from: PhishingExerciseState[]; to: PhishingExerciseState; action: AuditAction }
> = {
  pause: { from: ["running"], to: "paused", action: "phishing_exercise.paused" },
  resume: { from: ["paused"], to: "running", action: "phishing_exercise.resumed" },
  cancel: { from: ["draft", "running", "paused"], to: "cancelled", action: "phishing_exercise.cancelled" },
};

/**
 * Pauses, resumes or cancels an exercise of an establishment the actor manages (only cancels
 * its part of a centre exercise). The sender
 * claims messages only of running exercises, under a share lock of the exercise row, so once
 * this returns no message is claimed for a paused or cancelled exercise. A change that does
 * not apply (cancelling twice) is a conflict and changes nothing.
 */
export async function changeExerciseState(
  db: Db,
  options: { actor: Actor; organisationId: string; exerciseId: string; change: ExerciseStateChange; now: Date },
) {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  const { from, to, action } = exerciseTransitions[options.change];
  // A centre exercise's part: its establishment may withdraw from it (cancel, for good), but
  // pausing and resuming are the centre's, for all parts at once (change-campaign-state.ts).
  const ownOnly = options.change === "cancel" ? undefined : isNull(phishingExercises.campaignId);

  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(phishingExercises)
      .set({ state: to, ...(to === "cancelled" ? { endedAt: options.now } : {}) })
      .where(
        and(
          eq(phishingExercises.id, options.exerciseId),
          eq(phishingExercises.organisationId, establishment.id),
          inArray(phishingExercises.state, from),
          ownOnly,
        ),
      )
      .returning({ id: phishingExercises.id, campaignId: phishingExercises.campaignId });
    if (!changed) {
      const [exists] = await tx
        .select({ id: phishingExercises.id, campaignId: phishingExercises.campaignId })
        .from(phishingExercises)
        .where(
          and(eq(phishingExercises.id, options.exerciseId), eq(phishingExercises.organisationId, establishment.id)),
        );
      if (!exists) throw new AppError("not_found");
      throw new AppError(
        "conflict",
        exists.campaignId && ownOnly ? "launched by the centre" : "state change does not apply",
      );
    }
    await recordAudit(tx, {
      action,
      actorUserId: options.actor.userId,
      organisationId: establishment.id,
      targetType: "phishing_exercise",
      targetId: changed.id,
      ...(changed.campaignId ? { details: { campaignId: changed.campaignId } } : {}),
    });

    return { state: to };
  });
}
