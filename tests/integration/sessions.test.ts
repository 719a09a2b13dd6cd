import { runNow } from "@/lib/auth/defer";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, userSessions } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { endMemberSessions } from "@/lib/auth/end-member-sessions";
import { endSession, endUserSessions } from "@/lib/auth/end-sessions";
import { isSessionLive } from "@/lib/auth/is-session-live";
import { loadActor, loadSessionActor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { setAccountActive } from "@/lib/organisations/set-account-active";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { type TestDb, createTestDb } from "../support/db";

const start = new Date("2026-11-02T08:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const origin = { ipAddress: "198.18.50.1", userAgent: "vitest" };
let testDb: TestDb;
let hospital: { id: string };
let clinic: { id: string };

beforeAll(async () => {
  testDb = await createTestDb();
  [hospital, clinic] = await Promise.all([createOrganisation(testDb.db), createOrganisation(testDb.db)]);
});

afterAll(async () => {
  await testDb?.close();
});

const learner = (organisationId = hospital.id) =>
  createUser(testDb.db, { organisationId, password: "une phrase assez longue" });
const signIn = async (userId: string, minutes = 0) =>
  (await startSession(testDb.db, { userId, method: "password", now: at(minutes) })).id;
// As the guards see it `minutes` after 08:00, with the default idle timeout of 30 minutes.
const actorAt = (userId: string, sessionId: string, minutes: number) =>
  loadSessionActor(testDb.db, { userId, sessionId, window: sessionWindow(at(minutes), 30) });
const lastSeen = async (sessionId: string) =>
  (
    await testDb.db
      .select({ lastSeenAt: userSessions.lastSeenAt })
      .from(userSessions)
      .where(eq(userSessions.id, sessionId))
  )[0]?.lastSeenAt;

describe("sessions known to the server (issue 14, scenario 4)", () => {
  it("loads the actor of a live session, with the session, and refuses it once ended", async () => {
    const user = await learner();
    const sessionId = await signIn(user.id);

    expect(await actorAt(user.id, sessionId, 1)).toMatchObject({
      userId: user.id,
      session: { id: sessionId, authenticatedAt: at(0), secondFactorAt: null },
    });
    await endSession(testDb.db, sessionId);
    expect(await actorAt(user.id, sessionId, 2)).toBeNull();
    expect(await loadActor(testDb.db, user.id)).not.toBeNull();
  });

  it("refuses a session of someone else, a forged id and a token without a session", async () => {
    const [user, other] = [await learner(), await learner()];
    const sessionId = await signIn(user.id);

    expect(await actorAt(other.id, sessionId, 1)).toBeNull();
    expect(await actorAt(user.id, "pas-un-uuid", 1)).toBeNull();
    expect(await actorAt(user.id, "", 1)).toBeNull();
  });

  it("ends a session 8 hours after sign-in, however much it is used", async () => {
    const user = await learner();
    const sessionId = await signIn(user.id);
    for (let minutes = 20; minutes < 480; minutes += 20)
      expect(await actorAt(user.id, sessionId, minutes)).not.toBeNull();

    expect(await actorAt(user.id, sessionId, 480)).toBeNull();
    expect(await isSessionLive(testDb.db, { sub: user.id, sessionId }, sessionWindow(at(480), 30))).toBe(false);
  });

  it("ends a session unused for the idle timeout, and counts each use at most once a minute", async () => {
    const user = await learner();
    const sessionId = await signIn(user.id);

    expect(await actorAt(user.id, sessionId, 0.5)).not.toBeNull();
    expect(await lastSeen(sessionId)).toEqual(at(0));
    expect(await actorAt(user.id, sessionId, 29)).not.toBeNull();
    expect(await lastSeen(sessionId)).toEqual(at(29));
    expect(await actorAt(user.id, sessionId, 59)).toBeNull();
    expect(await lastSeen(sessionId)).toBeUndefined();
  });

  it("answers Auth.js's reads of the session without counting them as a use", async () => {
    const user = await learner();
    const sessionId = await signIn(user.id);

    expect(await isSessionLive(testDb.db, { sub: user.id, sessionId }, sessionWindow(at(20), 30))).toBe(true);
    expect(await lastSeen(sessionId)).toEqual(at(0));
    expect(await isSessionLive(testDb.db, { sub: user.id, sessionId }, sessionWindow(at(31), 30))).toBe(false);
    expect(await isSessionLive(testDb.db, { sub: "someone", sessionId }, sessionWindow(at(1), 30))).toBe(false);
  });

  it("ends every session of a person but the one kept, for all devices", async () => {
    const user = await learner();
    const [kept, other, third] = [await signIn(user.id), await signIn(user.id), await signIn(user.id)];

    expect(await endUserSessions(testDb.db, { userId: user.id, exceptSessionId: kept })).toBe(2);
    expect(await actorAt(user.id, other, 1)).toBeNull();
    expect(await actorAt(user.id, third, 1)).toBeNull();
    expect(await actorAt(user.id, kept, 1)).not.toBeNull();
    expect(await endUserSessions(testDb.db, { userId: user.id })).toBe(1);
    expect(await actorAt(user.id, kept, 1)).toBeNull();
  });

  it("ends every session of the person when their password is reset", async () => {
    const user = await learner();
    const sessionId = await signIn(user.id, 1);
    await requestPasswordReset(testDb.db, {
      email: user.email!,
      baseUrl: "https://vigie.example.org",
      origin,
      now: at(1),
      defer: runNow,
    });
    const [mail] = await testDb.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, user.email!))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    const token = new URL(/https:\/\/\S+/.exec(mail!.text)![0]).searchParams.get("jeton")!;

    await resetPassword(testDb.db, { token, password: "une nouvelle phrase de passe", origin, now: at(2) });
    expect(await actorAt(user.id, sessionId, 3)).toBeNull();
  });
});

describe("deactivation", () => {
  it("ends the person's sessions for good: reactivating the account does not revive them", async () => {
    const [manager, member] = [
      await createUser(testDb.db, { organisationId: clinic.id, role: "manager" }),
      await learner(clinic.id),
    ];
    const sessionId = await signIn(member.id);
    const actor = (await signedInActor(testDb.db, manager.id))!;

    await setAccountActive(testDb.db, { actor, userId: member.id, isActive: false });
    await setAccountActive(testDb.db, { actor, userId: member.id, isActive: true });
    expect(await actorAt(member.id, sessionId, 1)).toBeNull();
  });
});

describe("endMemberSessions", () => {
  it("lets a manager end the sessions of a member of their establishment, and audits it", async () => {
    const [manager, member] = [
      await createUser(testDb.db, { organisationId: hospital.id, role: "manager" }),
      await learner(),
    ];
    const sessionId = await signIn(member.id);
    const actor = (await signedInActor(testDb.db, manager.id))!;

    expect(await endMemberSessions(testDb.db, { actor, userId: member.id, organisationId: hospital.id })).toEqual({
      ended: 1,
    });
    expect(await actorAt(member.id, sessionId, 1)).toBeNull();
  });

  it("finds nobody for another establishment's manager, a learner, the actor themselves or an admin, and ends nothing", async () => {
    const centre = await createOrganisation(testDb.db, { kind: "centre" });
    const [otherManager, fellowLearner, member, admin] = [
      await createUser(testDb.db, { organisationId: clinic.id, role: "manager" }),
      await learner(),
      await learner(),
      await createUser(testDb.db, { organisationId: centre.id, role: "admin" }),
    ];
    const manager = await createUser(testDb.db, { organisationId: hospital.id, role: "manager" });
    const { memberships } = await import("@/db/schema");
    await testDb.db.insert(memberships).values({ userId: admin.id, organisationId: hospital.id, role: "learner" });
    const sessionId = await signIn(member.id);
    const adminSession = await signIn(admin.id);
    const attempts = [
      { actor: otherManager, userId: member.id, organisationId: hospital.id },
      { actor: otherManager, userId: member.id, organisationId: clinic.id },
      { actor: fellowLearner, userId: member.id, organisationId: hospital.id },
      { actor: manager, userId: manager.id, organisationId: hospital.id },
      { actor: manager, userId: admin.id, organisationId: hospital.id },
      { actor: manager, userId: "pas-un-uuid", organisationId: hospital.id },
    ];

    for (const attempt of attempts) {
      const actor = (await signedInActor(testDb.db, attempt.actor.id))!;
      await expect(
        endMemberSessions(testDb.db, { actor, userId: attempt.userId, organisationId: attempt.organisationId }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await actorAt(member.id, sessionId, 1)).not.toBeNull();
    // The admin's session still waits for its second factor, but it was not ended.
    expect(await isSessionLive(testDb.db, { sub: admin.id, sessionId: adminSession }, sessionWindow(at(1), 30))).toBe(
      true,
    );
  });
});
