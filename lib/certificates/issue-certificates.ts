import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Certificate, certificates, organisations, users } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { listLearnerProgress } from "@/lib/progress/queries";
import { earnedSubjects } from "./certificate-subject";
import { generateCertificateCode } from "./generate-code";
import { loadRenewalCycles } from "./renewal-cycles";

export type CertificateLearner = { userId: string; organisationId: string };

/**
 * Issues every certificate the learner has earned and not yet received, and returns all of
 * theirs. The first completion of a subject earns one; with a yearly renewal assigned, a
 * completion in a later cycle than the newest certificate's earns another, dated by that
 * completion (a path: every module taken again in that cycle); earlier certificates stay.
 * Certificates are unique per learner, subject and completion date: running it again, or
 * twice at the same time, returns the same certificates with the same codes.
 */
export async function issueCertificates(
  db: Db,
  options: { learner: CertificateLearner; catalogue: Catalogue },
): Promise<Certificate[]> {
  const { learner, catalogue } = options;
  const [progress, existing, [person], isNewCycle] = await Promise.all([
    listLearnerProgress(db, learner.userId),
    listCertificates(db, learner.userId),
    db
      .select({ name: users.name, email: users.email, organisationName: organisations.name })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, learner.organisationId))
      .where(eq(users.id, learner.userId)),
    loadRenewalCycles(db, { ...learner, catalogue }),
  ]);
  const missing = earnedSubjects(catalogue, progress).flatMap((subject) => {
    const newest = existing.find((c) => c.subjectType === subject.subjectType && c.subjectId === subject.subjectId);
    const first = newest ? [] : [subject];
    const since = newest?.completedAt ?? subject.completedAt;
    const renewed =
      subject.latestRoundStartedAt > since &&
      isNewCycle(subject.subjectType, subject.subjectId, since, subject.latestRoundStartedAt);
    const renewal = renewed
      ? [{ ...subject, subjectVersion: subject.latestVersion, completedAt: subject.latestCompletedAt }]
      : [];

    return [...first, ...renewal].map(
      ({ subjectType, subjectId, subjectVersion, subjectTitle, durationMinutes, completedAt }) => ({
        subjectType,
        subjectId,
        subjectVersion,
        subjectTitle,
        durationMinutes,
        completedAt,
      }),
    );
  });
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
    // The unique index is partial (one current certificate per completion): the conflict names its predicate.
    .onConflictDoNothing({
      target: [certificates.userId, certificates.subjectType, certificates.subjectId, certificates.completedAt],
      where: isNull(certificates.replacedAt),
    });

  return listCertificates(db, learner.userId);
}

/** A learner's own certificates, newest first; those replaced by a re-issue are left out. */
export async function listCertificates(db: Db, userId: string): Promise<Certificate[]> {
  const rows = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), isNull(certificates.replacedAt)));

  return rows.sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
}

/** The learner's newest current certificate for one subject, if issued. */
export async function findLearnerCertificate(
  db: Db,
  userId: string,
  subjectType: "module" | "path",
  subjectId: string,
) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.userId, userId),
        eq(certificates.subjectType, subjectType),
        eq(certificates.subjectId, subjectId),
        isNull(certificates.replacedAt),
      ),
    )
    .orderBy(desc(certificates.completedAt))
    .limit(1);

  return row;
}
