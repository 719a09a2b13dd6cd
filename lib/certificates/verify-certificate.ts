import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";
import { normaliseCertificateCode } from "./generate-code";

const replacement = alias(certificates, "replacement");

export type CertificateCheck =
  | { status: "not_found" }
  | {
      status: "valid" | "revoked" | "replaced";
      learnerName: string;
      subjectTitle: string;
      subjectType: "module" | "path";
      organisationName: string;
      completedAt: Date;
      revokedAt: Date | null;
      /** The revocation's reason, only when the manager chose to publish it. */
      publicReason: string | null;
      /** Re-issued under a corrected name: when, and the code of the certificate that replaces it. */
      replacedAt: Date | null;
      replacementCode: string | null;
    };

/**
 * What the public verification page may say about a code: genuine, revoked, or replaced by a
 * re-issue under a corrected name (with the replacement's code), with the name, title, date and
 * establishment, and nothing more. Any unknown or malformed code is the same "not found".
 */
export async function verifyCertificate(db: Db, input: string): Promise<CertificateCheck> {
  const code = normaliseCertificateCode(input);
  if (!code) return { status: "not_found" };
  const [row] = await db
    .select({
      learnerName: certificates.learnerName,
      subjectTitle: certificates.subjectTitle,
      subjectType: certificates.subjectType,
      organisationName: certificates.organisationName,
      completedAt: certificates.completedAt,
      revokedAt: certificates.revokedAt,
      revokedReason: certificates.revokedReason,
      revokedReasonPublic: certificates.revokedReasonPublic,
      replacedAt: certificates.replacedAt,
      replacementCode: replacement.code,
    })
    .from(certificates)
    .leftJoin(replacement, eq(replacement.id, certificates.replacedBy))
    .where(eq(certificates.code, code));
  if (!row) return { status: "not_found" };

  const { revokedReason, revokedReasonPublic, ...facts } = row;
  const status = row.revokedAt ? "revoked" : row.replacedAt ? "replaced" : "valid";

  return { status, ...facts, publicReason: row.revokedAt && revokedReasonPublic ? revokedReason : null };
}
