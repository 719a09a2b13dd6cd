import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";

export type IncidentContact = { name: string; phone: string; email: string; updatedAt: Date | null };

/** The establishment's incident contact (its RSSI, usually), or null when it has set none. */
export async function getIncidentContact(db: Db, organisationId: string): Promise<IncidentContact | null> {
  const [row] = await db
    .select({
      name: organisations.incidentContactName,
      phone: organisations.incidentContactPhone,
      email: organisations.incidentContactEmail,
      updatedAt: organisations.incidentContactUpdatedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row?.name || !row.phone || !row.email) return null;

  return { name: row.name, phone: row.phone, email: row.email, updatedAt: row.updatedAt };
}
