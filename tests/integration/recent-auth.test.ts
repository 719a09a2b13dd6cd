import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  memberships,
  organisationSso,
  organisations,
  userSecondFactors,
  userSessions,
  users,
} from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor, loadActor, loadSessionActor } from "@/lib/auth/load-actor";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { reauthenticationMethods } from "@/lib/auth/reauthentication-methods";
import { confirmEnrolment, startEnrolment } from "@/lib/auth/second-factor/enrol-second-factor";
import { resetMemberSecondFactor } from "@/lib/auth/second-factor/reset-member-second-factor";
import { markSecondFactorPassed } from "@/lib/auth/second-factor/session-marks";
import { totpCode } from "@/lib/auth/second-factor/totp";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { certificatesArchive } from "@/lib/certificates/certificates-archive";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { nameManager } from "@/lib/organisations/name-manager";
import { removeMembership } from "@/lib/organisations/remove-membership";
import { setAccountActive } from "@/lib/organisations/set-account-active";
import { setManagersNeedSecondFactor } from "@/lib/organisations/set-managers-need-second-factor";
import { erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { regionCsv } from "@/lib/region/region-csv";
import { removeSsoSettings } from "@/lib/sso/remove-sso-settings";
import { saveSsoSettings } from "@/lib/sso/save-sso-settings";
import { withSession } from "../support/signed-in-actor";
import { type TestDb, createTestDb } from "../support/db";

/**
 * Sensitive actions (erasure, access changes, SSO settings, exports of personal data, the second
 * factor of others) need a proof of identity from the last 10 minutes (lib/access/recent-auth.ts):
 * a session left open on a ward PC, or a stolen cookie, gets reauthentication_required and
 * changes nothing.
 */

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const sso = {
  displayName: "Keycloak du CH",
  issuer: "https://idp.ch-test.fr/realms/ch",
  clientId: "vigie",
  clientSecret: "un secret client",
  discoveryPath: "",
  scopes: "openid email profile",
  acrValues: "",
  isEnabled: true,
};
let testDb: TestDb;
let centre: string;
let establishment: string;
let admin: Actor;
let manager: Actor;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  establishment = (await createOrganisation(testDb.db, { parentId: centre })).id;
  admin = (await loadActor(testDb.db, (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id))!;
  manager = (await loadActor(
    testDb.db,
    (
      await createUser(testDb.db, {
        organisationId: establishment,
        role: "manager",
        password: "la phrase du responsable",
      })
    ).id,
  ))!;
});

afterAll(async () => {
  await testDb?.close();
});

const learner = async () => (await createUser(testDb.db, { organisationId: establishment })).id;
const stale = (actor: Actor) => withSession(actor, minutesAgo(11));
const fresh = (actor: Actor) => withSession(actor, minutesAgo(9));
const refused = { code: "reauthentication_required" };

describe("recent re-authentication", () => {
  it("is required to erase a person, and nothing is erased without it", async () => {
    const userId = await learner();

    await expect(erasePersonalData(testDb.db, { actor: stale(admin), userId })).rejects.toMatchObject(refused);
    await expect(erasePersonalData(testDb.db, { actor: admin, userId })).rejects.toMatchObject(refused);
    expect(
      (await testDb.db.select({ erasedAt: users.erasedAt }).from(users).where(eq(users.id, userId)))[0]?.erasedAt,
    ).toBeNull();
    await erasePersonalData(testDb.db, { actor: fresh(admin), userId });
    expect(
      (await testDb.db.select({ erasedAt: users.erasedAt }).from(users).where(eq(users.id, userId)))[0]?.erasedAt,
    ).not.toBeNull();
  });

  it("is required to change a role, remove a membership, deactivate an account or name a manager", async () => {
    const userId = await learner();
    const role = async () =>
      (await testDb.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId)))[0]
        ?.role;

    await expect(
      changeMemberRole(testDb.db, { actor: stale(manager), organisationId: establishment, userId, role: "manager" }),
    ).rejects.toMatchObject(refused);
    await expect(
      removeMembership(testDb.db, { actor: stale(manager), organisationId: establishment, userId }),
    ).rejects.toMatchObject(refused);
    await expect(setAccountActive(testDb.db, { actor: stale(manager), userId, isActive: false })).rejects.toMatchObject(
      refused,
    );
    await expect(
      nameManager(testDb.db, {
        actor: stale(admin),
        input: { organisationId: establishment, name: "Nouvelle RSSI", email: "nouvelle.rssi@ch-test.fr" },
      }),
    ).rejects.toMatchObject(refused);
    expect(await role()).toBe("learner");
    expect(
      (await testDb.db.select({ isActive: users.isActive }).from(users).where(eq(users.id, userId)))[0]?.isActive,
    ).toBe(true);
    expect(await testDb.db.select().from(users).where(eq(users.email, "nouvelle.rssi@ch-test.fr"))).toHaveLength(0);

    await changeMemberRole(testDb.db, {
      actor: fresh(manager),
      organisationId: establishment,
      userId,
      role: "manager",
    });
    expect(await role()).toBe("manager");
  });

  it("is required to change or remove the SSO settings", async () => {
    await expect(
      saveSsoSettings(testDb.db, { actor: stale(manager), organisationId: establishment, input: sso }),
    ).rejects.toMatchObject(refused);
    expect(
      await testDb.db.select().from(organisationSso).where(eq(organisationSso.organisationId, establishment)),
    ).toHaveLength(0);
    expect(
      await saveSsoSettings(testDb.db, { actor: fresh(manager), organisationId: establishment, input: sso }),
    ).toMatchObject({ ok: true });
    await expect(
      removeSsoSettings(testDb.db, { actor: stale(manager), organisationId: establishment }),
    ).rejects.toMatchObject(refused);
    expect(
      await testDb.db.select().from(organisationSso).where(eq(organisationSso.organisationId, establishment)),
    ).toHaveLength(1);
  });

  it("is required to export the region's figures or the certificates", async () => {
    const asOf = new Date();
    await expect(regionCsv(testDb.db, { actor: stale(admin), asOf })).rejects.toMatchObject(refused);
    await expect(
      certificatesArchive(testDb.db, {
        actor: stale(manager),
        organisationId: establishment,
        filters: {},
        baseUrl: "https://vigie.test",
        asOf,
      }),
    ).rejects.toMatchObject(refused);
    await expect(regionCsv(testDb.db, { actor: fresh(admin), asOf })).resolves.toBeDefined();
    await expect(
      certificatesArchive(testDb.db, {
        actor: fresh(manager),
        organisationId: establishment,
        filters: {},
        baseUrl: "https://vigie.test",
        asOf,
      }),
    ).resolves.toBeDefined();
  });

  it("still answers not_found, not reauthentication_required, to someone out of scope", async () => {
    const other = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const outsider = (await loadActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: other, role: "manager" })).id,
    ))!;

    await expect(
      changeMemberRole(testDb.db, {
        actor: stale(outsider),
        organisationId: establishment,
        userId: await learner(),
        role: "manager",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      saveSsoSettings(testDb.db, { actor: stale(outsider), organisationId: establishment, input: sso }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("confirming one's identity", () => {
  const sessionOf = async (userId: string, signedInAt: Date) => {
    const { id } = await startSession(testDb.db, { userId, method: "password", now: signedInAt });
    await markSecondFactorPassed(testDb.db, id, signedInAt);
    return id;
  };
  const authenticatedAt = async (sessionId: string) =>
    (
      await testDb.db
        .select({ at: userSessions.authenticatedAt })
        .from(userSessions)
        .where(eq(userSessions.id, sessionId))
    )[0]?.at;

  it("with the password makes the session fresh again; a wrong one changes nothing", async () => {
    const sessionId = await sessionOf(manager.userId, minutesAgo(20));

    expect(
      await reauthenticate(testDb.db, { userId: manager.userId, sessionId, password: "pas le bon mot de passe" }),
    ).toEqual({ status: "invalid" });
    expect((await authenticatedAt(sessionId))!.getTime()).toBeLessThan(minutesAgo(19).getTime());
    expect(
      await reauthenticate(testDb.db, { userId: manager.userId, sessionId, password: "la phrase du responsable" }),
    ).toEqual({ status: "ok" });
    expect((await authenticatedAt(sessionId))!.getTime()).toBeGreaterThan(minutesAgo(1).getTime());
    const actor = await loadSessionActor(testDb.db, {
      userId: manager.userId,
      sessionId,
      window: sessionWindow(new Date(), 30),
    });
    await expect(
      changeMemberRole(testDb.db, {
        actor: actor!,
        organisationId: establishment,
        userId: await learner(),
        role: "manager",
      }),
    ).resolves.toMatchObject({ changed: true });
  });

  it("with a code of the second factor, for someone without a password; a reused code is refused", async () => {
    const user = await createUser(testDb.db, { organisationId: establishment, role: "manager" });
    const pending = startEnrolment(user.id, minutesAgo(2));
    const enrolled = await confirmEnrolment(testDb.db, {
      userId: user.id,
      pending: pending.sealed,
      code: totpCode(pending.secret, minutesAgo(2).getTime()),
      now: minutesAgo(2),
    });
    expect(enrolled.status).toBe("ok");
    const sessionId = await sessionOf(user.id, minutesAgo(30));
    const code = totpCode(pending.secret);

    expect(await reauthenticate(testDb.db, { userId: user.id, sessionId, password: "" })).toEqual({
      status: "invalid",
    });
    expect(await reauthenticate(testDb.db, { userId: user.id, sessionId, code })).toEqual({ status: "ok" });
    expect(await reauthenticate(testDb.db, { userId: user.id, sessionId, code })).toEqual({ status: "invalid" });
    expect(
      (await testDb.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id))).map((row) => row.action),
    ).toContain("reauthenticated");
  });

  it("is offered with the password, the second factor, or neither, as the person has them", async () => {
    const withCode = await createUser(testDb.db, { organisationId: establishment, role: "manager" });
    const pending = startEnrolment(withCode.id, minutesAgo(2));
    await confirmEnrolment(testDb.db, {
      userId: withCode.id,
      pending: pending.sealed,
      code: totpCode(pending.secret, minutesAgo(2).getTime()),
      now: minutesAgo(2),
    });

    expect(await reauthenticationMethods(testDb.db, manager.userId)).toEqual({
      hasPassword: true,
      hasSecondFactor: false,
    });
    expect(await reauthenticationMethods(testDb.db, withCode.id)).toEqual({
      hasPassword: false,
      hasSecondFactor: true,
    });
    expect(await reauthenticationMethods(testDb.db, await learner())).toEqual({
      hasPassword: false,
      hasSecondFactor: false,
    });
  });

  it("stops checking passwords after five wrong ones", async () => {
    const user = await createUser(testDb.db, {
      organisationId: establishment,
      role: "manager",
      password: "la bonne phrase secrète",
    });
    const sessionId = await sessionOf(user.id, minutesAgo(30));
    for (let i = 0; i < 5; i += 1)
      expect((await reauthenticate(testDb.db, { userId: user.id, sessionId, password: `mauvaise ${i}` })).status).toBe(
        "invalid",
      );

    expect(
      (await reauthenticate(testDb.db, { userId: user.id, sessionId, password: "la bonne phrase secrète" })).status,
    ).toBe("throttled");
  });
});

describe("resetting someone's second factor", () => {
  async function enrolled(organisationId: string, role: "manager" | "learner" = "manager") {
    const user = await createUser(testDb.db, { organisationId, role });
    const pending = startEnrolment(user.id);
    await confirmEnrolment(testDb.db, { userId: user.id, pending: pending.sealed, code: totpCode(pending.secret) });
    return user.id;
  }
  const hasFactor = async (userId: string) =>
    (await testDb.db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId))).length > 0;

  it("lets a platform admin reset a manager's lost second factor, ends their sessions, and audits it", async () => {
    const userId = await enrolled(establishment);
    await startSession(testDb.db, { userId, method: "password" });

    await expect(resetMemberSecondFactor(testDb.db, { actor: stale(admin), userId })).rejects.toMatchObject(refused);
    expect(await hasFactor(userId)).toBe(true);
    expect(await resetMemberSecondFactor(testDb.db, { actor: fresh(admin), userId })).toEqual({ reset: true });
    expect(await hasFactor(userId)).toBe(false);
    expect(await testDb.db.select().from(userSessions).where(eq(userSessions.userId, userId))).toHaveLength(0);
    expect(await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, userId))).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "second_factor.reset", actorUserId: admin.userId })]),
    );
  });

  it("refuses the admin of another centre, a manager for someone who also manages elsewhere, and anyone for themselves", async () => {
    const otherCentre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const otherAdmin = (await loadActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: otherCentre, role: "admin" })).id,
    ))!;
    const userId = await enrolled(establishment);
    await testDb.db.insert(memberships).values({
      userId,
      organisationId: (await createOrganisation(testDb.db, { parentId: centre })).id,
      role: "manager",
    });

    await expect(resetMemberSecondFactor(testDb.db, { actor: fresh(otherAdmin), userId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(resetMemberSecondFactor(testDb.db, { actor: fresh(manager), userId })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      resetMemberSecondFactor(testDb.db, { actor: fresh(manager), userId: manager.userId }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await hasFactor(userId)).toBe(true);
  });
});

describe("the establishment's second-factor setting", () => {
  it("is a platform admin's to change, not a manager's, and audited", async () => {
    const current = async () =>
      (
        await testDb.db
          .select({ value: organisations.managersNeedSecondFactor })
          .from(organisations)
          .where(eq(organisations.id, establishment))
      )[0]?.value;

    await expect(
      setManagersNeedSecondFactor(testDb.db, { actor: fresh(manager), organisationId: establishment, required: false }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setManagersNeedSecondFactor(testDb.db, { actor: stale(admin), organisationId: establishment, required: false }),
    ).rejects.toMatchObject(refused);
    expect(await current()).toBe(true);
    await setManagersNeedSecondFactor(testDb.db, {
      actor: fresh(admin),
      organisationId: establishment,
      required: false,
    });
    expect(await current()).toBe(false);
    await setManagersNeedSecondFactor(testDb.db, {
      actor: fresh(admin),
      organisationId: establishment,
      required: true,
    });
    expect(await current()).toBe(true);
  });
});
