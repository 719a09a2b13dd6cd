import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";

/** A person by e-mail, with where they belong: what a platform admin sees before erasing. */
export async function findPersonByEmail(db: Db, email: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, isActive: users.isActive, organisation: organisations.name, role: memberships.role })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.email, email.trim().toLowerCase()));
  const first = rows[0];
  if (!first) return null;

  return { id: first.id, name: first.name, email: first.email, isActive: first.isActive, memberships: rows.filter((r) => r.organisation).map((r) => `${r.organisation} (${r.role})`) };
}
