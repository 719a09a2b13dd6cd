import { desc, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";

/** The latest certificates of the given establishments, newest first. */
export async function listOrganisationCertificates(db: Db, organisations: string[], limit = 200) {
  if (organisations.length === 0) return [];

  return db.select().from(certificates).where(inArray(certificates.organisationId, organisations)).orderBy(desc(certificates.issuedAt)).limit(limit);
}
