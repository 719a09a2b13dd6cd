import { z } from "zod";
import type { Db } from "@/db/client";
import { phishingCampaigns, phishingExercises } from "@/db/schema";
import { listCentreEstablishments } from "@/lib/access/centre-campaigns";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { createExerciseSchema } from "./create-exercise";
import { exerciseTargets } from "./exercise-targets";
import { parisToday } from "./plan-send-times";

/** A centre exercise aims at whole establishments: the services are each establishment's business. */
export const createCampaignSchema = createExerciseSchema
  .omit({ teamIds: true })
  .extend({ organisationIds: z.array(z.guid()).min(1).max(1_000) });

export type CreateCampaignValues = z.infer<typeof createCampaignSchema>;

/** A refusal that names the establishments it is about (for the platform admin, who may see their names). */
export class CampaignEstablishmentsError extends AppError {
  constructor(
    detail: string,
    readonly establishments: string[],
  ) {
    super("bad_request", detail);
  }
}

export type CreateCampaignOptions = {
  actor: Actor;
  values: CreateCampaignValues;
  /** The scenarios that exist (lib/phishing/scenarios.ts). */
  scenarioIds: readonly string[];
  now: Date;
};

/**
 * Prepares a centre exercise: one draft exercise per chosen establishment, all of one centre the
 * actor administers, linked by one phishing_campaigns row, in one transaction. An establishment
 * outside the actor's centres is not_found; one where nobody has an e-mail address is refused by
 * name, as are establishments of two centres; nothing is written then. Nothing is sent before
 * the launch (launch-campaign.ts).
 */
export async function createCampaign(db: Db, options: CreateCampaignOptions) {
  const available = await listCentreEstablishments(db, options.actor);
  const values = createCampaignSchema.parse(options.values);
  if (!options.scenarioIds.includes(values.scenarioId)) throw new AppError("bad_request", "unknown scenario");
  if (values.windowStartsOn < parisToday(options.now)) throw new AppError("bad_request", "window in the past");
  const byId = new Map(available.map((establishment) => [establishment.id, establishment]));
  const chosen = [...new Set(values.organisationIds)].map((id) => byId.get(id));
  if (chosen.some((establishment) => !establishment))
    throw new AppError("not_found", "establishment outside the centre");
  const establishments = chosen.map((establishment) => establishment!);
  const centreIds = new Set(establishments.map((establishment) => establishment.centreId));
  if (centreIds.size > 1) throw new AppError("bad_request", "establishments of several centres");
  const unreachable: string[] = [];
  for (const establishment of establishments) {
    const targets = await exerciseTargets(db, { organisationId: establishment.id, teamIds: [] });
    if (!targets.some((target) => target.email)) unreachable.push(establishment.name);
  }
  if (unreachable.length > 0) throw new CampaignEstablishmentsError("nobody reachable", unreachable);

  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(phishingCampaigns)
      .values({ organisationId: [...centreIds][0]!, createdBy: options.actor.userId })
      .returning();
    await tx.insert(phishingExercises).values(
      establishments.map((establishment) => ({
        campaignId: campaign!.id,
        organisationId: establishment.id,
        scenarioId: values.scenarioId,
        windowStartsOn: values.windowStartsOn,
        workingDays: values.workingDays,
        assignModuleOnClick: values.assignModuleOnClick,
        createdBy: options.actor.userId,
      })),
    );
    await recordAudit(tx, {
      action: "phishing_campaign.created",
      actorUserId: options.actor.userId,
      organisationId: campaign!.organisationId,
      targetType: "phishing_campaign",
      targetId: campaign!.id,
      details: { establishments: establishments.length, scenarioId: values.scenarioId },
    });

    return campaign!;
  });
}
