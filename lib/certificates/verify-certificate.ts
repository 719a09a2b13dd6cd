import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";
import { normaliseCertificateCode } from "./generate-code";

export type CertificateCheck =
  | { status: "not_found" }
  | {
      status: "valid" | "revoked";
      learnerName: string;
      subjectTitle: string;
      subjectType: "module" | "path";
      organisationName: string;
      completedAt: Date;
      revokedAt: Date | null;
      /** The revocation's reason, only when the manager chose to publish it. */
      publicReason: string | null;
    };

/**
 * What the public verification page may say about a code: genuine or revoked, with the name,
 * title, date and establishment, and nothing more. Any unknown or malformed code is the same
 * "not found".
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
    })
    .from(certificates)
    .where(eq(certificates.code, code));
  if (!row) return { status: "not_found" };

  const { revokedReason, revokedReasonPublic, ...facts } = row;

  return { status: row.revokedAt ? "revoked" : "valid", ...facts, publicReason: row.revokedAt && revokedReasonPublic ? revokedReason : null };
}
