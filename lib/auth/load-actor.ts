import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Role, memberships, organisations, users } from "@/db/schema";

export type ActorMembership = { organisationId: string; organisationName: string; kind: string; role: Role; teamId: string | null };

export type Actor = {
  userId: string;
  name: string;
  email: string | null;
  locale: "fr" | "en";
  memberships: ActorMembership[];
};

// Every request of a signed-in user runs this query: prepared once per database handle (and,
// on node-postgres, named, so each connection parses and plans it once).
const prepared = new WeakMap<Db, ReturnType<typeof prepareActorQuery>>();

function prepareActorQuery(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      kind: organisations.kind,
      role: memberships.role,
      teamId: memberships.teamId,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.id, sql.placeholder("userId")), eq(users.isActive, true)))
    .orderBy(organisations.name)
    .prepare("load_actor");
}

/** The user behind a session, re-read from the database (one query): null when gone or deactivated. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareActorQuery(db)));
  const rows = await query.execute({ userId });
  const user = rows[0];
  if (!user) return null;
  const actorMemberships = rows.flatMap((row) =>
    row.organisationId && row.organisationName && row.kind && row.role
      ? [{ organisationId: row.organisationId, organisationName: row.organisationName, kind: row.kind, role: row.role, teamId: row.teamId }]
      : [],
  );

  return { userId: user.id, name: user.name ?? user.email ?? "", email: user.email, locale: user.locale, memberships: actorMemberships };
}

/**
 * The establishment whose learner the actor is when taking modules: their learner
 * membership, else the first establishment they manage. Null for a platform admin only.
 */
export function learnerMembership(actor: Actor): ActorMembership | null {
  const establishments = actor.memberships.filter((m) => m.kind === "establishment");

  return establishments.find((m) => m.role === "learner") ?? establishments[0] ?? null;
}

