import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisationSso } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { requireRecentAuth } from "@/lib/access/recent-auth";

/**
 * Deletes an establishment's SSO settings (the linked identities stay, unused until SSO is set
 * up again). Managers and the admins above only; others get not_found. Returns whether one existed.
 */
export async function removeSsoSettings(
  db: Db,
  { actor, organisationId, origin }: { actor: Actor; organisationId: string; origin?: RequestOrigin },
): Promise<boolean> {
  const establishment = await requireManagedEstablishment(db, actor, organisationId);
  requireRecentAuth(actor);

  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(organisationSso)
      .where(eq(organisationSso.organisationId, establishment.id))
      .returning({ issuer: organisationSso.issuer });
    if (deleted.length === 0) return false;
    await recordAudit(tx, {
      action: "sso.removed",
      actorUserId: actor.userId,
      organisationId: establishment.id,
      origin,
      targetType: "organisation",
      targetId: establishment.id,
      details: { issuer: deleted[0]!.issuer },
    });

    return true;
  });
}
