import { and, eq } from "drizzle-orm";
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

/** The user behind a session, re-read from the database: null when gone or deactivated. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)));
  if (!user) return null;

  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      kind: organisations.kind,
      role: memberships.role,
      teamId: memberships.teamId,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);

  return { userId: user.id, name: user.name ?? user.email ?? "", email: user.email, locale: user.locale, memberships: rows };
}

/**
 * The establishment whose learner the actor is when taking modules: their learner
 * membership, else the first establishment they manage. Null for a platform admin only.
 */
export function learnerMembership(actor: Actor): ActorMembership | null {
  const establishments = actor.memberships.filter((m) => m.kind === "establishment");

  return establishments.find((m) => m.role === "learner") ?? establishments[0] ?? null;
}

