import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { requireRecentAuth } from "@/lib/access/recent-auth";
import { requireAdminCentres } from "@/lib/access/roles";
import type { Actor } from "@/lib/auth/load-actor";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/**
 * Whether an establishment's managers need a second factor: a platform admin's decision for an
 * establishment under their centre, never its managers' (the setting protects the centre from a
 * manager's stolen password, so its holder must not be able to lower it). After a recent
 * re-authentication; audited.
 */
export async function setManagersNeedSecondFactor(
  db: Db,
  options: { actor: Actor; organisationId: string; required: boolean; origin?: RequestOrigin },
): Promise<void> {
  const { actor, organisationId, required } = options;
  requireAdminCentres(actor);
  // Reached as the centre's admin only, not through a manager membership the admin may also hold.
  const asAdmin = { ...actor, memberships: actor.memberships.filter((m) => m.role === "admin") };
  const [establishment] = await listManagedEstablishments(db, { actor: asAdmin, organisationId });
  if (!establishment) throw new AppError("not_found", "not an establishment of the admin's centre");
  requireRecentAuth(actor);

  await db
    .update(organisations)
    .set({ managersNeedSecondFactor: required, updatedAt: new Date() })
    .where(eq(organisations.id, establishment.id));
  await recordAudit(db, {
    action: "second_factor.setting_changed",
    actorUserId: actor.userId,
    organisationId: establishment.id,
    origin: options.origin,
    targetType: "organisation",
    targetId: establishment.id,
    details: { required },
  });
}
