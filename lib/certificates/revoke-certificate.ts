import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";

/**
 * Revokes a certificate with a reason, shown on the public page only if `publishReason`: a manager of its establishment or a platform admin above
 * it may; anyone else, or an id that is not one, gets not_found and nothing changes. Revoking
 * twice keeps the first revocation.
 */
export async function revokeCertificate(
  db: Db,
  options: { actor: Actor; certificateId: string; reason: string; publishReason?: boolean },
) {
  const { actor, certificateId } = options;
  const reason = options.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new AppError("bad_request", "reason must be 3 to 500 characters");
  // Postgres refuses a malformed uuid with a driver error: a forged id is simply not found.
  if (!z.guid().safeParse(certificateId).success) throw new AppError("not_found", "malformed certificate id");
  const [certificate] = await db.select().from(certificates).where(eq(certificates.id, certificateId));
  if (!certificate) throw new AppError("not_found", "no such certificate");
  await requireManagedEstablishment(db, actor, certificate.organisationId);

  const [revoked] = await db
    .update(certificates)
    .set({
      revokedAt: new Date(),
      revokedReason: reason,
      revokedReasonPublic: options.publishReason ?? false,
      revokedBy: actor.userId,
    })
    .where(and(eq(certificates.id, certificateId), isNull(certificates.revokedAt)))
    .returning();

  return revoked ?? certificate;
}
