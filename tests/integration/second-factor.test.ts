import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, organisations, secondFactorRecoveryCodes, userSecondFactors } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadSessionActor } from "@/lib/auth/load-actor";
import { confirmEnrolment, startEnrolment } from "@/lib/auth/second-factor/enrol-second-factor";
import { renewRecoveryCodes } from "@/lib/auth/second-factor/renew-recovery-codes";
import { markSecondFactorPassed, secondFactorStatus } from "@/lib/auth/second-factor/session-marks";
import { totpCode } from "@/lib/auth/second-factor/totp";
import { SECOND_FACTOR_LIMIT, verifySecondFactor } from "@/lib/auth/second-factor/verify-second-factor";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { type TestDb, createTestDb } from "../support/db";

// Tests pin times to the current quarter hour: the rate-limit windows they fill must be recent
// (a sweep by any real-time caller deletes windows older than a day).
const quarter = 15 * 60_000;
const base = Math.floor(Date.now() / quarter) * quarter + 60_000;
const STEP = 30_000;
const at = (steps: number) => new Date(base + steps * STEP);
let testDb: TestDb;
let establishment: string;

beforeAll(async () => {
  testDb = await createTestDb();
  establishment = (await createOrganisation(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

/** A manager of the establishment with a confirmed second factor (at step 0), and its secret and recovery codes. */
async function enrolledManager() {
  const user = await createUser(testDb.db, { organisationId: establishment, role: "manager" });
  const pending = startEnrolment(user.id, at(0));
  const result = await confirmEnrolment(testDb.db, {
    userId: user.id,
    pending: pending.sealed,
    code: totpCode(pending.secret, at(0).getTime()),
    now: at(0),
  });
  if (result.status !== "ok") throw new Error(`enrolment: ${result.status}`);

  return { userId: user.id, secret: pending.secret, recoveryCodes: result.recoveryCodes };
}

const verify = (userId: string, code: string, steps: number) =>
  verifySecondFactor(testDb.db, { userId, code, now: at(steps) });

describe("second factor enrolment", () => {
  it("stores the secret sealed and ten recovery codes hashed, once a first code proves the app has it", async () => {
    const { userId, secret, recoveryCodes } = await enrolledManager();
    const [factor] = await testDb.db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId));
    const codes = await testDb.db
      .select()
      .from(secondFactorRecoveryCodes)
      .where(eq(secondFactorRecoveryCodes.userId, userId));

    expect(factor?.secretSealed).toMatch(/^v1\./);
    expect(factor?.secretSealed).not.toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(codes).toHaveLength(10);
    for (const code of recoveryCodes) expect(codes.map((row) => row.codeHash)).not.toContain(code);
    expect(await secondFactorStatus(testDb.db, userId)).toEqual({ enrolled: true, recoveryCodesLeft: 10 });
    expect(
      (await testDb.db.select().from(auditLog).where(eq(auditLog.actorUserId, userId))).map((row) => row.action),
    ).toContain("second_factor.enrolled");
  });

  it("stores nothing for a wrong code, another person's pending secret or an expired one", async () => {
    const user = await createUser(testDb.db, { organisationId: establishment, role: "manager" });
    const other = await createUser(testDb.db, { organisationId: establishment, role: "manager" });
    const pending = startEnrolment(user.id, at(0));
    const right = totpCode(pending.secret, at(0).getTime());

    expect(
      (await confirmEnrolment(testDb.db, { userId: user.id, pending: pending.sealed, code: "000000", now: at(0) }))
        .status,
    ).toBe(right === "000000" ? "ok" : "invalid");
    expect(
      (await confirmEnrolment(testDb.db, { userId: other.id, pending: pending.sealed, code: right, now: at(0) }))
        .status,
    ).toBe("expired");
    expect(
      (
        await confirmEnrolment(testDb.db, {
          userId: user.id,
          pending: pending.sealed,
          code: totpCode(pending.secret, at(31).getTime()),
          now: at(31),
        })
      ).status,
    ).toBe("expired");
    expect(
      (await confirmEnrolment(testDb.db, { userId: user.id, pending: `${pending.sealed}x`, code: right, now: at(0) }))
        .status,
    ).toBe("expired");
    expect(await secondFactorStatus(testDb.db, other.id)).toEqual({ enrolled: false, recoveryCodesLeft: 0 });
  });

  it("keeps the first second factor when an enrolment is confirmed again", async () => {
    const { userId } = await enrolledManager();
    const again = startEnrolment(userId, at(1));

    expect(
      (
        await confirmEnrolment(testDb.db, {
          userId,
          pending: again.sealed,
          code: totpCode(again.secret, at(1).getTime()),
          now: at(1),
        })
      ).status,
    ).toBe("already_enrolled");
    expect((await verify(userId, totpCode(again.secret, at(2).getTime()), 2)).status).toBe("invalid");
  });
});

describe("second factor codes", () => {
  it("accepts a code one step either side of now, and not two", async () => {
    const { userId, secret } = await enrolledManager();

    expect((await verify(userId, totpCode(secret, at(4).getTime()), 5)).status).toBe("ok");
    expect((await verify(userId, totpCode(secret, at(11).getTime()), 10)).status).toBe("ok");
    expect((await verify(userId, totpCode(secret, at(20).getTime()), 20)).status).toBe("ok");
    expect((await verify(userId, totpCode(secret, at(28).getTime()), 30)).status).toBe("invalid");
    expect((await verify(userId, totpCode(secret, at(32).getTime()), 30)).status).toBe("invalid");
  });

  it("refuses a code used before, and a code of an earlier step than one used", async () => {
    const { userId, secret } = await enrolledManager();
    const code = totpCode(secret, at(3).getTime());

    expect((await verify(userId, code, 3)).status).toBe("ok");
    expect((await verify(userId, code, 3)).status).toBe("invalid");
    expect((await verify(userId, code, 4)).status).toBe("invalid");
    // The enrolment's own code (step 0) cannot be replayed either.
    expect((await verify(userId, totpCode(secret, at(0).getTime()), 0)).status).toBe("invalid");
  });

  it("lets only one of two simultaneous requests with the same code through", async () => {
    const { userId, secret } = await enrolledManager();
    const code = totpCode(secret, at(6).getTime());
    const results = await Promise.all([verify(userId, code, 6), verify(userId, code, 6)]);

    expect(results.map((result) => result.status).sort()).toEqual(["invalid", "ok"]);
  });

  it("stops checking codes after five wrong ones in a quarter of an hour, even the right one", async () => {
    const { userId, secret } = await enrolledManager();
    const right = totpCode(secret, at(2).getTime());
    const wrong = right === "111111" ? "222222" : "111111";
    for (let i = 0; i < SECOND_FACTOR_LIMIT.attempts; i += 1)
      expect((await verify(userId, wrong, 2)).status).toBe("invalid");

    const refused = await verify(userId, right, 2);
    expect(refused.status).toBe("throttled");
    expect(refused.status === "throttled" && refused.retryAfterSeconds).toBeGreaterThan(0);
    // The next quarter of an hour, the right code works again.
    expect((await verify(userId, totpCode(secret, at(31).getTime()), 31)).status).toBe("ok");
  });

  it("does not count right codes against the limit", async () => {
    const { userId, secret } = await enrolledManager();
    for (let step = 1; step <= SECOND_FACTOR_LIMIT.attempts + 2; step += 1)
      expect((await verify(userId, totpCode(secret, at(step).getTime()), step)).status).toBe("ok");
  });

  it("accepts each recovery code once, typed in any case, with or without dashes", async () => {
    const { userId, recoveryCodes } = await enrolledManager();
    const [first, second] = recoveryCodes as [string, string];

    expect(await verify(userId, first, 1)).toEqual({ status: "ok", method: "recovery_code" });
    expect((await verify(userId, first, 1)).status).toBe("invalid");
    expect((await verify(userId, second.toLowerCase().replaceAll("-", " "), 1)).status).toBe("ok");
    expect(await secondFactorStatus(testDb.db, userId)).toEqual({ enrolled: true, recoveryCodesLeft: 8 });
  });

  it("renews the recovery codes for a current code: the old ones stop working", async () => {
    const { userId, secret, recoveryCodes } = await enrolledManager();
    const renewed = await renewRecoveryCodes(testDb.db, {
      userId,
      code: totpCode(secret, at(1).getTime()),
      now: at(1),
    });
    if (renewed.status !== "ok") throw new Error(renewed.status);

    expect((await verify(userId, recoveryCodes[0]!, 2)).status).toBe("invalid");
    expect((await verify(userId, renewed.recoveryCodes[0]!, 2)).status).toBe("ok");
    expect((await renewRecoveryCodes(testDb.db, { userId, code: "123", now: at(3) })).status).toBe("invalid");
  });

  it("answers not_enrolled for someone without a second factor", async () => {
    const user = await createUser(testDb.db, { organisationId: establishment, role: "manager" });

    expect((await verify(user.id, "123456", 0)).status).toBe("not_enrolled");
  });
});

describe("sessions waiting for their second factor", () => {
  const sessionOf = async (userId: string) =>
    (await startSession(testDb.db, { userId, method: "password", now: at(0) })).id;
  const actorOf = (userId: string, sessionId: string, awaitingSecondFactor?: "allow") =>
    loadSessionActor(testDb.db, { userId, sessionId, window: sessionWindow(at(1), 30), awaitingSecondFactor });

  it("are nobody to the guards until the second factor is passed, then the actor", async () => {
    const { userId } = await enrolledManager();
    const sessionId = await sessionOf(userId);

    expect(await actorOf(userId, sessionId)).toBeNull();
    expect((await actorOf(userId, sessionId, "allow"))?.session).toMatchObject({
      awaitingSecondFactor: true,
      secondFactorAt: null,
    });
    await markSecondFactorPassed(testDb.db, sessionId, at(1));
    expect((await actorOf(userId, sessionId))?.session).toMatchObject({
      awaitingSecondFactor: false,
      secondFactorAt: at(1),
      authenticatedAt: at(1),
    });
  });

  it("do not concern learners, nor managers of an establishment that does not require it; platform admins always", async () => {
    const relaxed = await createOrganisation(testDb.db);
    await testDb.db
      .update(organisations)
      .set({ managersNeedSecondFactor: false })
      .where(eq(organisations.id, relaxed.id));
    const centre = await createOrganisation(testDb.db, { kind: "centre" });
    const learner = await createUser(testDb.db, { organisationId: establishment });
    const manager = await createUser(testDb.db, { organisationId: relaxed.id, role: "manager" });
    const admin = await createUser(testDb.db, { organisationId: centre.id, role: "admin" });

    expect(await actorOf(learner.id, await sessionOf(learner.id))).not.toBeNull();
    expect(await actorOf(manager.id, await sessionOf(manager.id))).not.toBeNull();
    expect(await actorOf(admin.id, await sessionOf(admin.id))).toBeNull();
  });

  it("waits again when a learner becomes a manager during the session", async () => {
    const learner = await createUser(testDb.db, { organisationId: establishment });
    const sessionId = await sessionOf(learner.id);
    expect(await actorOf(learner.id, sessionId)).not.toBeNull();
    await testDb.db.update(memberships).set({ role: "manager" }).where(eq(memberships.userId, learner.id));

    expect(await actorOf(learner.id, sessionId)).toBeNull();
  });
});
