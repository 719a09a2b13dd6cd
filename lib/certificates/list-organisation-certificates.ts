import { desc, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";

/** The latest certificates of the given establishments (all of them for "all"), newest first. */
export async function listOrganisationCertificates(db: Db, organisations: "all" | string[], limit = 200) {
  if (organisations !== "all" && organisations.length === 0) return [];
  const query = db.select().from(certificates);
  const scoped = organisations === "all" ? query : query.where(inArray(certificates.organisationId, organisations));

  return scoped.orderBy(desc(certificates.issuedAt)).limit(limit);
}
