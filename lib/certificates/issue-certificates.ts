import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Db, preparedPerDb } from "@/db/client";
import { type Certificate, certificates, organisations, users } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { listLearnerProgress } from "@/lib/progress/queries";
import { type EarnedSubject, earnedSubjects } from "./certificate-subject";
import { generateCertificateCode } from "./generate-code";
import { type RenewalCycles, loadRenewalCycles } from "./renewal-cycles";

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
  const [progress, existing] = await Promise.all([
    listLearnerProgress(db, learner.userId),
    listCertificates(db, learner.userId),
  ]);
  const earned = earnedSubjects(catalogue, progress).map((subject) => {
    const newest = existing.find((c) => c.subjectType === subject.subjectType && c.subjectId === subject.subjectId);

    return { subject, isFirst: !newest, since: newest?.completedAt ?? subject.completedAt };
  });
  // The yearly renewals are read only when a subject was completed again since its newest
  // certificate: most calls (a page view, a first completion) then cost two statements fewer.
  const isNewCycle = earned.some(({ subject, since }) => subject.latestRoundStartedAt > since)
    ? await loadRenewalCycles(db, { ...learner, catalogue })
    : () => false;
  const missing = earned.flatMap((entry) => missingCertificates(entry, isNewCycle));
  if (missing.length === 0) return existing;
  const [person] = await db
    .select({ name: users.name, email: users.email, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, learner.organisationId))
    .where(eq(users.id, learner.userId));
  if (!person) return existing;

  const inserted = await db
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
    })
    .returning();
  // A concurrent call issued some of them first: read the codes it gave.
  if (inserted.length < missing.length) return listCertificates(db, learner.userId);

  return newestFirst([...existing, ...inserted]);
}

/** What a subject still earns: its first certificate, and one for a completion in a later renewal cycle. */
function missingCertificates(
  { subject, isFirst, since }: { subject: EarnedSubject; isFirst: boolean; since: Date },
  isNewCycle: RenewalCycles,
) {
  const first = isFirst ? [subject] : [];
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
}

// Both read on every certificate download from the completion screen: prepared (preparedPerDb).
const currentCertificates = preparedPerDb((db) =>
  db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, sql.placeholder("userId")), isNull(certificates.replacedAt)))
    .prepare("current_certificates"),
);

const newestSubjectCertificate = preparedPerDb((db) =>
  db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.userId, sql.placeholder("userId")),
        eq(certificates.subjectType, sql.placeholder("subjectType")),
        eq(certificates.subjectId, sql.placeholder("subjectId")),
        isNull(certificates.replacedAt),
      ),
    )
    .orderBy(desc(certificates.completedAt))
    .limit(1)
    .prepare("newest_subject_certificate"),
);

/** A learner's own certificates, newest first; those replaced by a re-issue are left out. */
export async function listCertificates(db: Db, userId: string): Promise<Certificate[]> {
  return newestFirst(await currentCertificates(db).execute({ userId }));
}

function newestFirst(list: Certificate[]): Certificate[] {
  return list.sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
}

/** The learner's newest current certificate for one subject, if issued. */
export async function findLearnerCertificate(
  db: Db,
  userId: string,
  subjectType: "module" | "path",
  subjectId: string,
) {
  const [row] = await newestSubjectCertificate(db).execute({ userId, subjectType, subjectId });

  return row;
}
