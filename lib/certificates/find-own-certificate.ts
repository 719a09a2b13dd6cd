import { and, eq, sql } from "drizzle-orm";
import { type Db, preparedPerDb } from "@/db/client";
import { type Certificate, certificates } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { normaliseCertificateCode } from "./generate-code";

export type OwnCertificate =
  { status: "current"; certificate: Certificate } | { status: "replaced"; replacementCode: string };

// Read on every download of one's own certificate: prepared (preparedPerDb).
const ownCertificate = preparedPerDb((db) =>
  db
    .select()
    .from(certificates)
    .where(and(eq(certificates.code, sql.placeholder("code")), eq(certificates.userId, sql.placeholder("userId"))))
    .prepare("own_certificate"),
);

/**
 * The certificate of code `code` if it is `userId`'s own, or, when a re-issue under a corrected
 * name replaced it, the code of its replacement. Anyone else's, and any malformed code, is
 * not_found: the owner is part of the query.
 */
export async function findOwnCertificate(db: Db, options: { userId: string; code: string }): Promise<OwnCertificate> {
  const code = normaliseCertificateCode(options.code);
  if (!code) throw new AppError("not_found", "malformed certificate code");
  const [certificate] = await ownCertificate(db).execute({ code, userId: options.userId });
  if (!certificate) throw new AppError("not_found", "not the learner's certificate");
  if (!certificate.replacedBy) return { status: "current", certificate };

  const [replacement] = await db
    .select({ code: certificates.code })
    .from(certificates)
    .where(and(eq(certificates.id, certificate.replacedBy), eq(certificates.userId, options.userId)));
  if (!replacement) throw new AppError("not_found", "replacement is not the learner's");

  return { status: "replaced", replacementCode: replacement.code };
}
