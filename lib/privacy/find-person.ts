import { eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { isWithinAdminScope } from "@/lib/access/person-scope";

/**
 * A person by e-mail or by identifier (staff who joined with a code may have no e-mail), with
 * where they belong: what a platform admin sees before erasing. Null when there is no such
 * person, and for someone outside the admin's centre.
 */
export async function findPerson(db: Db, actor: Actor, login: string) {
  const value = login.trim().toLowerCase();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      isActive: users.isActive,
      organisation: organisations.name,
      organisationId: organisations.id,
      kind: organisations.kind,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(or(eq(users.email, value), eq(users.username, value)));
  const first = rows[0];
  if (!first || !(await isWithinAdminScope(db, actor, first.id))) return null;

  return {
    id: first.id,
    name: first.name,
    email: first.email,
    username: first.username,
    login: first.email ?? first.username ?? "",
    isActive: first.isActive,
    memberships: rows.filter((r) => r.organisation).map((r) => `${r.organisation} (${r.role})`),
    memberOf: rows.flatMap((r) =>
      r.organisationId && r.organisation && r.kind && r.role
        ? [{ organisationId: r.organisationId, name: r.organisation, kind: r.kind, role: r.role }]
        : [],
    ),
  };
}
