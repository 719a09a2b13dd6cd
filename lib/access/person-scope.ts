import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { managedEstablishmentIds } from "./managed-establishments";
import { adminCentres } from "./roles";

/**
 * Whether a platform admin may see and erase this person: every organisation the person belongs
 * to is the admin's centre or an establishment under it. Someone of another centre is not theirs.
 */
export async function isWithinAdminScope(db: Db, actor: Actor, userId: string): Promise<boolean> {
  if (!z.guid().safeParse(userId).success) return false;
  const centres = adminCentres(actor);
  if (centres.length === 0) return false;
  const scope = new Set([...centres, ...(await managedEstablishmentIds(db, actor))]);
  const rows = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));

  return rows.every((row) => scope.has(row.organisationId));
}
