import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type InvitationStatus, membershipInvitations, memberships, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { endSession } from "@/lib/auth/end-sessions";
import { loadActor, loadSessionActor } from "@/lib/auth/load-actor";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { getViewer } from "@/lib/auth/viewer";
import { countMyInvitations, listMyInvitations } from "@/lib/invitations/list-invitations";
import { type TestDb, createTestDb } from "../support/db";

const start = new Date("2026-11-02T08:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const day = 24 * 60;
let testDb: TestDb;
let hospital: string;
let clinic: string;
let home: string;

beforeAll(async () => {
  testDb = await createTestDb();
  [hospital, clinic, home] = (await Promise.all([0, 1, 2].map(() => createOrganisation(testDb.db)))).map(
    (organisation) => organisation.id,
  ) as [string, string, string];
});

afterAll(async () => {
  await testDb?.close();
});

const signIn = async (userId: string) => (await startSession(testDb.db, { userId, method: "password", now: at(0) })).id;
// As the guards see it `minutes` after sign-in (the session is used every 20 minutes at most).
const actorAt = (userId: string, sessionId: string, minutes = 1) =>
  loadSessionActor(testDb.db, { userId, sessionId, window: sessionWindow(at(minutes), 30) });

async function invite(
  userId: string,
  organisationId: string,
  options: { status?: InvitationStatus; expiresInMinutes?: number; expiresAt?: Date } = {},
) {
  await testDb.db.insert(membershipInvitations).values({
    userId,
    organisationId,
    status: options.status ?? "pending",
    expiresAt: options.expiresAt ?? at(options.expiresInMinutes ?? 7 * day),
  });
}

// A handle that fails on any statement: what getViewer reads from the database, if anything.
const noDatabase = new Proxy({} as Db, {
  get: () => {
    throw new Error("the viewer ran a statement");
  },
});

describe("the session actor (one statement per signed-in request, issue 19)", () => {
  it("loads a signed-in learner with their memberships, their session and no invitation", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    const sessionId = await signIn(user.id);

    const actor = await actorAt(user.id, sessionId);
    expect(actor).toMatchObject({
      userId: user.id,
      invitationCount: 0,
      memberships: [{ organisationId: hospital, role: "learner" }],
      session: { id: sessionId, authenticatedAt: at(0), awaitingSecondFactor: false },
    });
    expect((await getViewer(noDatabase, { actor: actor!, currentEstablishmentId: hospital })).invitationCount).toBe(0);
  });

  it("counts the person's pending invitations of every establishment, not expired, answered, cancelled or someone else's", async () => {
    const [user, someoneElse] = [
      await createUser(testDb.db, { organisationId: hospital }),
      await createUser(testDb.db, { organisationId: hospital }),
    ];
    await invite(user.id, clinic);
    await invite(user.id, home, { expiresInMinutes: 10 });
    for (const status of ["accepted", "declined", "cancelled"] as const) await invite(user.id, clinic, { status });
    await invite(user.id, hospital, { expiresInMinutes: -1 });
    await invite(someoneElse.id, clinic);
    const sessionId = await signIn(user.id);

    const actor = (await actorAt(user.id, sessionId))!;
    expect(actor.invitationCount).toBe(2);
    expect(actor.invitationCount).toBe(await countMyInvitations(testDb.db, { userId: user.id, now: at(1) }));
    expect(actor.invitationCount).toBe((await listMyInvitations(testDb.db, { actor, now: at(1) })).length);
    expect((await getViewer(noDatabase, { actor, currentEstablishmentId: hospital })).invitationCount).toBe(2);
    // Twenty minutes later, home's invitation has expired.
    expect((await actorAt(user.id, sessionId, 20))?.invitationCount).toBe(1);
    expect(await countMyInvitations(testDb.db, { userId: user.id, now: at(20) })).toBe(1);
  });

  it("counts each invitation once, whatever the number of memberships", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    await testDb.db.insert(memberships).values([
      { userId: user.id, organisationId: clinic },
      { userId: user.id, organisationId: home, role: "learner" },
    ]);
    await invite(user.id, (await createOrganisation(testDb.db)).id);
    const sessionId = await signIn(user.id);

    const actor = (await actorAt(user.id, sessionId))!;
    expect(actor.invitationCount).toBe(1);
    expect(actor.memberships.map((m) => m.organisationId).sort()).toEqual([clinic, home, hospital].sort());
  });

  it("refuses an ended session and a deactivated account, invitations or not", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    await invite(user.id, clinic);
    const [ended, kept] = [await signIn(user.id), await signIn(user.id)];

    await endSession(testDb.db, ended);
    expect(await actorAt(user.id, ended)).toBeNull();
    expect(await actorAt(user.id, kept)).toMatchObject({ invitationCount: 1 });
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect(await actorAt(user.id, kept)).toBeNull();
  });

  it("drops a removed membership at the next request, and keeps counting the invitations", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    await invite(user.id, clinic);
    const sessionId = await signIn(user.id);
    expect((await actorAt(user.id, sessionId))?.memberships).toHaveLength(1);

    await testDb.db
      .delete(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, hospital)));

    expect(await actorAt(user.id, sessionId, 2)).toMatchObject({ memberships: [], invitationCount: 1 });
  });

  it("leaves loadActor's actor without a count, which the viewer then reads apart", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    // The viewer counts at the present time.
    await invite(user.id, clinic, { expiresAt: new Date(Date.now() + day * 60_000) });

    const actor = (await loadActor(testDb.db, user.id))!;
    expect(actor.invitationCount).toBeUndefined();
    expect((await getViewer(testDb.db, { actor, currentEstablishmentId: hospital })).invitationCount).toBe(1);
  });
});
