import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Certificate, certificates, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { generateCertificateCode } from "./generate-code";

export type ReissueCertificateResult = { certificate: Certificate; reissued: boolean };

/**
 * Re-issues one of the learner's own certificates under their name as it is now (corrected since):
 * a new certificate with a new code and what the first one says otherwise (subject, version,
 * establishment, completion and issue dates, so reports count it once, in the same month), and the
 * first one marked as replaced by it. Asking again for a replaced certificate returns its
 * replacement (a double submit makes one); a revoked certificate, or one already under the current
 * name, is a conflict; someone else's is not_found. Audited with the old and the new name.
 */
export async function reissueCertificate(
  db: Db,
  options: { actor: Actor; certificateId: string; origin?: RequestOrigin },
): Promise<ReissueCertificateResult> {
  const { actor, certificateId, origin } = options;
  // Postgres refuses a malformed uuid with a driver error: a forged id is simply not found.
  if (!z.guid().safeParse(certificateId).success) throw new AppError("not_found", "malformed certificate id");

  return db.transaction(async (tx) => {
    // The row lock serialises two submits: the second sees the first's replacement and returns it.
    const [old] = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.id, certificateId), eq(certificates.userId, actor.userId)))
      .for("update");
    if (!old) throw new AppError("not_found", "no such certificate of the actor's");
    if (old.replacedBy) return { certificate: await currentReplacement(tx, old.replacedBy), reissued: false };
    if (old.replacedAt) throw new AppError("not_found", "replacement gone");
    if (old.revokedAt) throw new AppError("conflict", "a revoked certificate is not re-issued");
    const [person] = await tx
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.id, actor.userId), eq(users.isActive, true)));
    if (!person?.name || person.name === old.learnerName)
      throw new AppError("conflict", "the certificate already carries the current name");

    // The partial unique index allows one current certificate per completion: the old one steps aside first.
    const replacedAt = new Date();
    await tx.update(certificates).set({ replacedAt }).where(eq(certificates.id, old.id));
    const {
      id: _id,
      code: _code,
      revokedAt: _r,
      revokedReason: _rr,
      revokedReasonPublic: _rp,
      revokedBy: _rb,
      replacedAt: _ra,
      replacedBy: _rby,
      ...kept
    } = old;
    const [created] = await tx
      .insert(certificates)
      .values({ ...kept, code: generateCertificateCode(), learnerName: person.name })
      .returning();
    // Earlier certificates it had replaced point to the new one too: every old code leads to the current one.
    await tx.update(certificates).set({ replacedBy: created!.id }).where(eq(certificates.replacedBy, old.id));
    await tx.update(certificates).set({ replacedBy: created!.id }).where(eq(certificates.id, old.id));
    await recordAudit(tx, {
      action: "certificate.reissued",
      actorUserId: actor.userId,
      organisationId: old.organisationId,
      origin,
      targetType: "certificate",
      targetId: old.id,
      details: {
        from: old.learnerName,
        to: person.name,
        replacedBy: created!.id,
        subjectType: old.subjectType,
        subjectId: old.subjectId,
      },
    });

    return { certificate: created!, reissued: true };
  });
}

async function currentReplacement(db: Db, id: string): Promise<Certificate> {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  if (!row) throw new AppError("not_found", "replacement gone");

  return row;
}
