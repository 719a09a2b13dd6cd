import { and, asc, count, eq, sql } from "drizzle-orm";
import { type Db, preparedPerDb } from "@/db/client";
import { membershipInvitations, organisations, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { pendingInvitationsOf } from "./pending-invitations";

export type MyInvitation = {
  id: string;
  organisationName: string;
  role: "learner" | "manager";
  teamName: string | null;
  expiresAt: Date;
};

/** The invitations the signed-in person may still accept or decline, oldest first. */
export async function listMyInvitations(db: Db, options: { actor: Actor; now?: Date }): Promise<MyInvitation[]> {
  return db
    .select({
      id: membershipInvitations.id,
      organisationName: organisations.name,
      role: membershipInvitations.role,
      teamName: teams.name,
      expiresAt: membershipInvitations.expiresAt,
    })
    .from(membershipInvitations)
    .innerJoin(organisations, eq(organisations.id, membershipInvitations.organisationId))
    .leftJoin(teams, eq(teams.id, membershipInvitations.teamId))
    .where(pendingInvitationsOf(options.actor.userId, options.now ?? new Date()))
    .orderBy(asc(membershipInvitations.createdAt), asc(membershipInvitations.id));
}

// The header of a signed-in person reads the count with the session (loadSessionActor); this
// statement serves an actor that did not come from a session: prepared (preparedPerDb).
const pendingCount = preparedPerDb((db) =>
  db
    .select({ n: count() })
    .from(membershipInvitations)
    .where(pendingInvitationsOf(sql.placeholder("userId"), sql`${sql.placeholder("now")}::timestamptz`))
    .prepare("pending_invitation_count"),
);

/** How many invitations wait for the person's answer (the header's link). */
export async function countMyInvitations(db: Db, options: { userId: string; now?: Date }): Promise<number> {
  const [row] = await pendingCount(db).execute({
    userId: options.userId,
    now: (options.now ?? new Date()).toISOString(),
  });

  return row?.n ?? 0;
}

export type EstablishmentInvitation = {
  id: string;
  email: string | null;
  role: "learner" | "manager";
  teamName: string | null;
  createdAt: Date;
  expiresAt: Date;
  isExpired: boolean;
};

/**
 * The establishment's invitations still unanswered (expired ones too, until renewed or
 * cancelled), for its managers: the address they typed, never the account's stored name.
 */
export async function listEstablishmentInvitations(
  db: Db,
  options: { actor: Actor; organisationId: string; now?: Date },
): Promise<EstablishmentInvitation[]> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  const now = options.now ?? new Date();
  const rows = await db
    .select({
      id: membershipInvitations.id,
      email: users.email,
      role: membershipInvitations.role,
      teamName: teams.name,
      createdAt: membershipInvitations.createdAt,
      expiresAt: membershipInvitations.expiresAt,
    })
    .from(membershipInvitations)
    .innerJoin(users, eq(users.id, membershipInvitations.userId))
    .leftJoin(teams, eq(teams.id, membershipInvitations.teamId))
    .where(and(eq(membershipInvitations.organisationId, establishment.id), eq(membershipInvitations.status, "pending")))
    .orderBy(asc(users.email), asc(membershipInvitations.id));

  return rows.map((row) => ({ ...row, isExpired: row.expiresAt <= now }));
}
