import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisations, phishingCampaigns } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { requireAdminCentres } from "./roles";

export type CentreEstablishment = { id: string; name: string; centreId: string };

const uuid = z.guid();

/**
 * The establishments a platform admin may run a centre exercise for: those under a centre they
 * administer, directly or through a group, with that centre. Only the admin role counts: being
 * also the manager of an establishment elsewhere gives no centre exercise there. not_found for
 * anyone who is not a platform admin.
 */
export async function listCentreEstablishments(db: Db, actor: Actor): Promise<CentreEstablishment[]> {
  const centres = requireAdminCentres(actor);
  const parent = alias(organisations, "parent");

  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      centreId: sql<string>`case when ${inArray(organisations.parentId, centres)} then ${organisations.parentId} else ${parent.parentId} end`,
    })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(
      and(
        eq(organisations.kind, "establishment"),
        or(inArray(organisations.parentId, centres), inArray(parent.parentId, centres)),
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/**
 * A centre exercise of a centre the actor administers; not_found for anyone else (a manager of
 * one of its establishments included), for another centre's and for an unknown or malformed id.
 */
export async function requireCentreCampaign(db: Db, actor: Actor, campaignId: string) {
  const centres = requireAdminCentres(actor);
  if (!uuid.safeParse(campaignId).success) throw new AppError("not_found", "malformed campaign id");
  const [campaign] = await db
    .select()
    .from(phishingCampaigns)
    .where(and(eq(phishingCampaigns.id, campaignId), inArray(phishingCampaigns.organisationId, centres)));
  if (!campaign) throw new AppError("not_found", "campaign of another centre");

  return campaign;
}
