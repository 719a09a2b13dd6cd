import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { phishingCampaigns, phishingExercises } from "@/db/schema";
import { requireCentreCampaign } from "@/lib/access/centre-campaigns";
import { type AuditAction, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { type ExerciseStateChange, exerciseTransitions } from "./change-exercise-state";

const campaignActions: Record<ExerciseStateChange, AuditAction> = {
  pause: "phishing_campaign.paused",
  resume: "phishing_campaign.resumed",
  cancel: "phishing_campaign.cancelled",
};

/**
 * Pauses, resumes or cancels every part of a centre exercise the change applies to (pausing the
 * running ones, say), in one transaction, each part audited in its establishment as its
 * manager's change would be. The sender claims messages only of running exercises under a share
 * lock of the exercise row, so once this returns no message is claimed for a paused or cancelled
 * part. A part its establishment cancelled is never resumed. Nothing to change is a conflict.
 */
export async function changeCampaignState(
  db: Db,
  options: { actor: Actor; campaignId: string; change: ExerciseStateChange; now: Date },
) {
  const campaign = await requireCentreCampaign(db, options.actor, options.campaignId);
  const { from, to, action } = exerciseTransitions[options.change];

  return db.transaction(async (tx) => {
    await tx
      .select({ id: phishingCampaigns.id })
      .from(phishingCampaigns)
      .where(eq(phishingCampaigns.id, campaign.id))
      .for("update");
    const changed = await tx
      .update(phishingExercises)
      .set({ state: to, ...(to === "cancelled" ? { endedAt: options.now } : {}) })
      .where(and(eq(phishingExercises.campaignId, campaign.id), inArray(phishingExercises.state, from)))
      .returning({ id: phishingExercises.id, organisationId: phishingExercises.organisationId });
    if (changed.length === 0) throw new AppError("conflict", "state change does not apply");
    for (const part of changed) {
      await recordAudit(tx, {
        action,
        actorUserId: options.actor.userId,
        organisationId: part.organisationId,
        targetType: "phishing_exercise",
        targetId: part.id,
        details: { campaignId: campaign.id },
      });
    }
    await recordAudit(tx, {
      action: campaignActions[options.change],
      actorUserId: options.actor.userId,
      organisationId: campaign.organisationId,
      targetType: "phishing_campaign",
      targetId: campaign.id,
      details: { establishments: changed.length },
    });

    return { state: to, establishments: changed.length };
  });
}
