import { type SQL, and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { CourseSubject } from "@/lib/courses/course-subject";
import { type Certificate, certificates, users } from "@/db/schema";

export type ArchiveFilters = {
  /** Only this module or path. */
  subject?: CourseSubject;
  /** Completed on or after / on or before these days (YYYY-MM-DD, Europe/Paris calendar). */
  from?: string;
  to?: string;
};

export type ArchivedCertificate = Certificate & { locale: "fr" | "en" };

/** Certificates per query: a few hundred rows at a time, so memory stays flat. */
export const ARCHIVE_BATCH = 200;

/**
 * The establishment's certificates issued up to `asOf`, as filtered, in batches by keyset
 * (completed_at, id): the same list on every pass, whatever is issued meanwhile.
 */
export async function* archivedCertificates(
  db: Db,
  options: { organisationId: string; filters: ArchiveFilters; asOf: Date },
): AsyncGenerator<ArchivedCertificate[]> {
  const { filters } = options;
  const parisDay = sql`(${certificates.completedAt} at time zone 'Europe/Paris')::date`;
  const conditions: (SQL | undefined)[] = [
    eq(certificates.organisationId, options.organisationId),
    lte(certificates.issuedAt, options.asOf),
    // A re-issued certificate keeps the original's issue date: the replaced one is left out, not counted twice.
    isNull(certificates.replacedAt),
    filters.subject
      ? and(eq(certificates.subjectType, filters.subject.type), eq(certificates.subjectId, filters.subject.id))
      : undefined,
    filters.from ? sql`${parisDay} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${parisDay} <= ${filters.to}::date` : undefined,
  ];
  // The cursor keeps the database's microseconds, which a JavaScript Date would round away.
  let after: { completedAt: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? sql`(${certificates.completedAt}, ${certificates.id}) > (${after.completedAt}::timestamptz, ${after.id}::uuid)`
      : undefined;
    const rows: { certificate: Certificate; locale: "fr" | "en"; cursor: string }[] = await db
      .select({
        certificate: certificates,
        locale: users.locale,
        cursor: sql<string>`${certificates.completedAt}::text`,
      })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .where(and(...conditions, keyset))
      .orderBy(asc(certificates.completedAt), asc(certificates.id))
      .limit(ARCHIVE_BATCH);
    if (rows.length > 0) yield rows.map((row) => ({ ...row.certificate, locale: row.locale }));
    if (rows.length < ARCHIVE_BATCH) return;
    const last = rows.at(-1)!;
    after = { completedAt: last.cursor, id: last.certificate.id };
  }
}
