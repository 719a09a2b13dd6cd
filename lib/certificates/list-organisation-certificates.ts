import { and, desc, ilike, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";

/**
 * The latest certificates of the given establishments (not those replaced by a re-issue), newest first; with `search`, those whose
 * holder, subject or code contains it (case-insensitive, typed characters matched literally).
 */
export async function listOrganisationCertificates(
  db: Db,
  organisations: string[],
  options: { search?: string; limit?: number } = {},
) {
  if (organisations.length === 0) return [];
  const search = options.search?.normalize("NFC").trim().slice(0, 100);
  const pattern = search ? `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : undefined;
  const matches = pattern
    ? or(
        ilike(certificates.learnerName, pattern),
        ilike(certificates.subjectTitle, pattern),
        ilike(certificates.code, pattern),
      )
    : undefined;

  return db
    .select()
    .from(certificates)
    .where(and(inArray(certificates.organisationId, organisations), isNull(certificates.replacedAt), matches))
    .orderBy(desc(certificates.issuedAt))
    .limit(options.limit ?? 200);
}
