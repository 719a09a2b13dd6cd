import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Role, memberships, organisations, userSessions, users } from "@/db/schema";
import { needsSecondFactor } from "@/lib/access/second-factor";
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

// Every request of a signed-in user runs this query: prepared once per database handle (and,
// on node-postgres, named, so each connection parses and plans it once).
const prepared = new WeakMap<Db, ReturnType<typeof prepareActorQuery>>();

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

function prepareActorQuery(db: Db) {
  return db
    .select(actorColumns)
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

  return toActor(await query.execute({ userId }));
}

// The same query, with the session row joined (a primary-key lookup in the same round trip).
const preparedWithSession = new WeakMap<Db, ReturnType<typeof prepareSessionActorQuery>>();

function prepareSessionActorQuery(db: Db) {
  const session = {
    id: userSessions.id,
    lastSeenAt: userSessions.lastSeenAt,
    authenticatedAt: userSessions.authenticatedAt,
    secondFactorAt: userSessions.secondFactorAt,
  };

  return db
    .select({ ...actorColumns, session })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(
      userSessions,
      and(
        eq(userSessions.id, sql`${sql.placeholder("sessionId")}::uuid`),
        eq(userSessions.userId, users.id),
        sql`${userSessions.expiresAt} > ${sql.placeholder("now")}::timestamptz`,
      ),
    )
    .where(and(eq(users.id, sql.placeholder("userId")), eq(users.isActive, true)))
    .orderBy(organisations.name)
    .prepare("load_session_actor");
}

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
  let query = preparedWithSession.get(db);
  if (!query) preparedWithSession.set(db, (query = prepareSessionActorQuery(db)));
  const rows = await query.execute({
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
