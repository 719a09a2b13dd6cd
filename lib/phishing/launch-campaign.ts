import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations, phishingCampaigns, phishingExercises } from "@/db/schema";
import { requireCentreCampaign } from "@/lib/access/centre-campaigns";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { CampaignEstablishmentsError } from "./create-campaign";
import { planExerciseMessages } from "./launch-exercise";

export type LaunchCampaignOptions = {
  actor: Actor;
  campaignId: string;
  /** The admin ticked "each establishment's staff were told beforehand": without it nothing is launched. */
  staffInformed: boolean;
  now: Date;
  random?: () => number;
};

/**
 * Launches every draft part of a centre exercise at once, in one transaction (the campaign row
 * locked, so launching twice plans nothing twice): each establishment's messages are planned as
 * its own manager's launch would, and who confirmed that staff were told is recorded on each.
 * If nobody can be reached in one of them, the refusal names it and nothing is launched. Parts
 * an establishment cancelled stay cancelled. A person in several of the establishments gets one
 * message, counted in the establishment they joined first (exerciseTargets).
 */
export async function launchCampaign(db: Db, options: LaunchCampaignOptions) {
  const campaign = await requireCentreCampaign(db, options.actor, options.campaignId);
  if (!options.staffInformed) throw new AppError("bad_request", "staff information not confirmed");

  return db.transaction(async (tx) => {
    await tx
      .select({ id: phishingCampaigns.id })
      .from(phishingCampaigns)
      .where(eq(phishingCampaigns.id, campaign.id))
      .for("update");
    const parts = await tx
      .select({ exercise: phishingExercises, name: organisations.name })
      .from(phishingExercises)
      .innerJoin(organisations, eq(organisations.id, phishingExercises.organisationId))
      .where(and(eq(phishingExercises.campaignId, campaign.id), eq(phishingExercises.state, "draft")))
      .orderBy(asc(organisations.name))
      .for("update", { of: phishingExercises });
    if (parts.length === 0) throw new AppError("conflict", "nothing to launch");

    let planned = 0;
    const unreachable: string[] = [];
    // Someone in several of these establishments gets one message: in the one they joined first.
    const campaignOrganisationIds = parts.map((part) => part.exercise.organisationId);
    const plan = { ...options, campaignId: campaign.id, campaignOrganisationIds };
    for (const part of parts) {
      try {
        planned += (await planExerciseMessages(tx, { ...plan, exercise: part.exercise })).planned;
      } catch (error) {
        if (!(error instanceof AppError && error.detail === "nobody reachable")) throw error;
        unreachable.push(part.name);
      }
    }
    // Thrown inside the transaction: the parts already planned are rolled back with it.
    if (unreachable.length > 0) throw new CampaignEstablishmentsError("nobody reachable", unreachable);
    await recordAudit(tx, {
      action: "phishing_campaign.launched",
      actorUserId: options.actor.userId,
      organisationId: campaign.organisationId,
      targetType: "phishing_campaign",
      targetId: campaign.id,
      details: { establishments: parts.length, planned },
    });

    return { establishments: parts.length, planned };
  });
}
