import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

/** Organisations whose certificates the actor may revoke, or "all" for a platform admin. */
export function revocableOrganisations(actor: Actor): "all" | string[] {
  if (actor.memberships.some((m) => m.role === "admin" && m.kind === "centre")) return "all";

  return actor.memberships.filter((m) => m.role === "manager").map((m) => m.organisationId);
}

/**
 * Revokes a certificate with a reason: a manager of its establishment or a platform admin may;
 * anyone else gets not_found and nothing changes. Revoking twice keeps the first revocation.
 */
export async function revokeCertificate(db: Db, options: { actor: Actor; certificateId: string; reason: string }) {
  const { actor, certificateId } = options;
  const reason = options.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new AppError("bad_request", "reason must be 3 to 500 characters");
  const [certificate] = await db.select().from(certificates).where(eq(certificates.id, certificateId));
  const allowed = revocableOrganisations(actor);
  if (!certificate || (allowed !== "all" && !allowed.includes(certificate.organisationId))) throw new AppError("not_found");

  const [revoked] = await db
    .update(certificates)
    .set({ revokedAt: new Date(), revokedReason: reason, revokedBy: actor.userId })
    .where(and(eq(certificates.id, certificateId), isNull(certificates.revokedAt)))
    .returning();

  return revoked ?? certificate;
}
