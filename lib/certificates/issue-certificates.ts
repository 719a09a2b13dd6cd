import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Certificate, certificates, organisations, users } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { listLearnerProgress } from "@/lib/progress/queries";
import { earnedSubjects } from "./certificate-subject";
import { generateCertificateCode } from "./generate-code";

export type CertificateLearner = { userId: string; organisationId: string };

/**
 * Issues every certificate the learner has earned and not yet received, and returns all of
 * theirs. Issued once per learner and subject (a unique key): running it again, or twice at
 * the same time, returns the same certificates with the same codes.
 */
export async function issueCertificates(db: Db, options: { learner: CertificateLearner; catalogue: Catalogue }): Promise<Certificate[]> {
  const { learner, catalogue } = options;
  const [progress, existing, [person]] = await Promise.all([
    listLearnerProgress(db, learner.userId),
    listCertificates(db, learner.userId),
    db
      .select({ name: users.name, email: users.email, organisationName: organisations.name })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, learner.organisationId))
      .where(eq(users.id, learner.userId)),
  ]);
  const have = new Set(existing.map((c) => `${c.subjectType}:${c.subjectId}`));
  const missing = earnedSubjects(catalogue, progress).filter((s) => !have.has(`${s.subjectType}:${s.subjectId}`));
  if (missing.length === 0 || !person) return existing;

  await db
    .insert(certificates)
    .values(
      missing.map((subject) => ({
        ...subject,
        code: generateCertificateCode(),
        userId: learner.userId,
        organisationId: learner.organisationId,
        learnerName: person.name ?? person.email ?? "",
        organisationName: person.organisationName,
      })),
    )
    .onConflictDoNothing({ target: [certificates.userId, certificates.subjectType, certificates.subjectId] });

  return listCertificates(db, learner.userId);
}

/** A learner's own certificates, newest first. */
export async function listCertificates(db: Db, userId: string): Promise<Certificate[]> {
  const rows = await db.select().from(certificates).where(eq(certificates.userId, userId));

  return rows.sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
}

/** The learner's certificate for one subject, if issued. */
export async function findLearnerCertificate(db: Db, userId: string, subjectType: "module" | "path", subjectId: string) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.subjectType, subjectType), eq(certificates.subjectId, subjectId)));

  return row;
}
