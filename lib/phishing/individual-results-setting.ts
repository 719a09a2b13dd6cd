import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import type { Actor } from "@/lib/auth/load-actor";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";

/** Whether the establishment's managers see each person's results in its exercises (off by default). */
export async function getIndividualResultsSetting(db: Db, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: organisations.phishingIndividualResults })
    .from(organisations)
    .where(eq(organisations.id, organisationId));

  return row?.enabled ?? false;
}

/**
 * Lets the managers of an establishment the actor manages see individual results, or keeps them
 * to each person again; audited with the choice. Anyone else gets not_found and nothing changes.
 */
export async function setIndividualResultsSetting(
  db: Db,
  options: { actor: Actor; organisationId: string; enabled: boolean; origin?: RequestOrigin },
): Promise<void> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  await db.transaction(async (tx) => {
    await tx
      .update(organisations)
      .set({ phishingIndividualResults: options.enabled, updatedAt: new Date() })
      .where(eq(organisations.id, establishment.id));
    await recordAudit(tx, {
      action: "phishing_individual_results.changed",
      actorUserId: options.actor.userId,
      organisationId: establishment.id,
      origin: options.origin,
      targetType: "organisation",
      targetId: establishment.id,
      details: { isEnabled: options.enabled },
    });
  });
}
