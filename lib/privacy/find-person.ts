import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { isWithinAdminScope } from "./admin-person-scope";

/**
 * A person by e-mail, with where they belong: what a platform admin sees before erasing. Null
 * when there is no such person, and for someone outside the admin's centre.
 */
export async function findPersonByEmail(db: Db, actor: Actor, email: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, isActive: users.isActive, organisation: organisations.name, role: memberships.role })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.email, email.trim().toLowerCase()));
  const first = rows[0];
  if (!first || !(await isWithinAdminScope(db, actor, first.id))) return null;

  return { id: first.id, name: first.name, email: first.email, isActive: first.isActive, memberships: rows.filter((r) => r.organisation).map((r) => `${r.organisation} (${r.role})`) };
}
