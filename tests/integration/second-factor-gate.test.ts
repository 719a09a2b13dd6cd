import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userSessions } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { loadSessionActor } from "@/lib/auth/load-actor";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { type TestDb, createTestDb } from "../support/db";

/**
 * The attack of review M9: a manager's or platform admin's password (phished, reused, read over a
 * shoulder) or a sign-in link (the same inbox as the reset) is enough for their whole session.
 * Written with the guards' own functions only, so that it runs on the code before the second
 * factor existed, where the session is the manager from the password on.
 */

const now = new Date();
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

const sessionActor = (userId: string, sessionId: string) =>
  loadSessionActor(testDb.db, { userId, sessionId, window: sessionWindow(now, 30) });
const passSecondFactor = (sessionId: string) =>
  testDb.db
    .update(userSessions)
    .set({ secondFactorAt: now, authenticatedAt: now })
    .where(eq(userSessions.id, sessionId));

describe("a manager's or admin's session before its second factor", () => {
  it("is nobody to the guards after a password alone: no establishment to manage, until a code is given", async () => {
    const establishment = await createOrganisation(testDb.db);
    const manager = await createUser(testDb.db, {
      organisationId: establishment.id,
      role: "manager",
      password: "un mot de passe volé",
    });
    const { id: sessionId } = await startSession(testDb.db, { userId: manager.id, method: "password", now });

    expect(await sessionActor(manager.id, sessionId)).toBeNull();
    await passSecondFactor(sessionId);
    const actor = await sessionActor(manager.id, sessionId);
    expect(actor).not.toBeNull();
    expect((await requireManagedEstablishment(testDb.db, actor!, establishment.id)).id).toBe(establishment.id);
  });

  it("is nobody to the guards after a sign-in link alone for a platform admin, until a code is given", async () => {
    const centre = await createOrganisation(testDb.db, { kind: "centre" });
    const admin = await createUser(testDb.db, { organisationId: centre.id, role: "admin" });
    const { id: sessionId } = await startSession(testDb.db, { userId: admin.id, method: "magic_link", now });

    expect(await sessionActor(admin.id, sessionId)).toBeNull();
    await passSecondFactor(sessionId);
    expect(requireAdminCentres((await sessionActor(admin.id, sessionId))!)).toEqual([centre.id]);
  });

  it("does not concern a learner, whose password is enough", async () => {
    const learner = await createUser(testDb.db, { organisationId: (await createOrganisation(testDb.db)).id });
    const { id: sessionId } = await startSession(testDb.db, { userId: learner.id, method: "password", now });

    expect((await sessionActor(learner.id, sessionId))?.userId).toBe(learner.id);
  });
});
