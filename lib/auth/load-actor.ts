import { and, eq, sql } from "drizzle-orm";
import { type Db, preparedPerDb } from "@/db/client";
import { type Role, memberships, organisations, userSessions, users } from "@/db/schema";
import { needsSecondFactor } from "@/lib/access/second-factor";
import { pendingInvitationCount } from "@/lib/invitations/pending-invitations";
import { endSession } from "./end-sessions";
import { type SessionWindow, isSessionId, sessionWindow } from "./session-policy";

export type ActorMembership = {
  organisationId: string;
  organisationName: string;
  kind: string;
  role: Role;
  teamId: string | null;
  /** The organisation's setting: whether its managers need a second factor (true when absent). */
  managersNeedSecondFactor?: boolean;
};

export type Actor = {
  userId: string;
  name: string;
  email: string | null;
  locale: "fr" | "en";
  memberships: ActorMembership[];
  /**
   * How many invitations wait for the person's answer (the header's link), read with the session
   * (loadSessionActor); absent from loadActor's actors, whose viewer counts them apart.
   */
  invitationCount?: number;
  /** The session of this request, when the actor comes from one (guards); absent in scripts and tests. */
  session?: ActorSession;
};

export type ActorSession = {
  id: string;
  authenticatedAt: Date;
  secondFactorAt: Date | null;
  /** True when the person needs a second factor and this session has not passed it yet. */
  awaitingSecondFactor: boolean;
};

// What an actor is made of, for both queries below.
const actorColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  organisationId: memberships.organisationId,
  organisationName: organisations.name,
  kind: organisations.kind,
  role: memberships.role,
  teamId: memberships.teamId,
  managersNeedSecondFactor: organisations.managersNeedSecondFactor,
};

const actorQuery = preparedPerDb((db) =>
  db
    .select(actorColumns)
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.id, sql.placeholder("userId")), eq(users.isActive, true)))
    .orderBy(organisations.name)
    .prepare("load_actor"),
);

/** The user behind a session, re-read from the database (one query): null when gone or deactivated. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  return toActor(await actorQuery(db).execute({ userId }));
}

// Every request of a signed-in user runs it: the same query with the session row joined (a
// primary-key lookup) and the header's invitation count, in one round trip (preparedPerDb).
const sessionActorQuery = preparedPerDb((db) => {
  const session = {
    id: userSessions.id,
    lastSeenAt: userSessions.lastSeenAt,
    authenticatedAt: userSessions.authenticatedAt,
    secondFactorAt: userSessions.secondFactorAt,
  };
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  // Counted for the placeholder, not users.id: uncorrelated, it runs once, whatever the memberships.
  const invitationCount = pendingInvitationCount(sql.placeholder("userId"), now);

  return db
    .select({ ...actorColumns, invitationCount, session })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(
      userSessions,
      and(
        eq(userSessions.id, sql`${sql.placeholder("sessionId")}::uuid`),
        eq(userSessions.userId, users.id),
        sql`${userSessions.expiresAt} > ${now}`,
      ),
    )
    .where(and(eq(users.id, sql.placeholder("userId")), eq(users.isActive, true)))
    .orderBy(organisations.name)
    .prepare("load_session_actor");
});

/**
 * The user behind a session token, as loadActor, but only while the session is live: still
 * known to the server (not signed out or ended), before its 8-hour end, and used within the idle
 * timeout. A session found idle is ended; one last used over a minute ago is marked used now.
 * A manager or admin whose session has not passed its second factor yet is no actor at all
 * (null), unless `awaitingSecondFactor: "allow"` (the second-factor pages alone ask for that).
 */
export async function loadSessionActor(
  db: Db,
  options: { userId: string; sessionId: string; window?: SessionWindow; awaitingSecondFactor?: "refuse" | "allow" },
): Promise<Actor | null> {
  if (!isSessionId(options.sessionId) || !isSessionId(options.userId)) return null;
  const window = options.window ?? sessionWindow();
  const rows = await sessionActorQuery(db).execute({
    userId: options.userId,
    sessionId: options.sessionId,
    now: window.now.toISOString(),
  });
  const session = rows[0]?.session;
  if (!session) return null;
  if (session.lastSeenAt <= window.idleSince) {
    await endSession(db, session.id);
    return null;
  }
  if (session.lastSeenAt < window.touchBefore) {
    await db.update(userSessions).set({ lastSeenAt: window.now }).where(eq(userSessions.id, session.id));
  }
  const actor = toActor(rows);
  if (!actor) return null;
  const awaitingSecondFactor = !session.secondFactorAt && needsSecondFactor(actor.memberships);
  if (awaitingSecondFactor && options.awaitingSecondFactor !== "allow") return null;

  return {
    ...actor,
    invitationCount: rows[0]!.invitationCount,
    session: {
      id: session.id,
      authenticatedAt: session.authenticatedAt,
      secondFactorAt: session.secondFactorAt,
      awaitingSecondFactor,
    },
  };
}

type ActorRow = {
  id: string;
  name: string | null;
  email: string | null;
  locale: "fr" | "en";
  organisationId: string | null;
  organisationName: string | null;
  kind: string | null;
  role: Role | null;
  teamId: string | null;
  managersNeedSecondFactor: boolean | null;
};

function toActor(rows: ActorRow[]): Actor | null {
  const user = rows[0];
  if (!user) return null;
  const actorMemberships = rows.flatMap((row) =>
    row.organisationId && row.organisationName && row.kind && row.role
      ? [
          {
            organisationId: row.organisationId,
            organisationName: row.organisationName,
            kind: row.kind,
            role: row.role,
            teamId: row.teamId,
            managersNeedSecondFactor: row.managersNeedSecondFactor ?? true,
          },
        ]
      : [],
  );

  return {
    userId: user.id,
    name: user.name ?? user.email ?? "",
    email: user.email,
    locale: user.locale,
    memberships: actorMemberships,
  };
}
