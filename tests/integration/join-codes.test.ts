import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, joinCodes, memberships, users } from "@/db/schema";
import { createOrganisation, createTeam, createUser, uniqueSuffix } from "@/db/seed/factories";
import { attemptPasswordSignIn } from "@/lib/auth/attempt-password-sign-in";
import { type Actor, loadActor } from "@/lib/auth/load-actor";
import { resetPassword } from "@/lib/auth/password-reset";
import { checkJoinCode } from "@/lib/join/check-join-code";
import { createPasswordLink } from "@/lib/join/create-password-link";
import { formatJoinCode } from "@/lib/join/join-code-format";
import { joinWithCode } from "@/lib/join/join-with-code";
import { createJoinCode, getJoinCode, listJoinCodes, setJoinCodeActive } from "@/lib/join/manage-join-codes";
import { inCurrentQuarterHour } from "../support/clock";
import { type TestDb, createTestDb } from "../support/db";

const PASSWORD = "une phrase assez longue";
let testDb: TestDb;
let hospitalA: string;
let hospitalB: string;
let teamA: string;
let teamB: string;
let managerA: Actor;
let managerB: Actor;
let learnerA: Actor;
let admin: Actor;

const actorIn = async (organisationId: string, role: "manager" | "learner" | "admin") =>
  (await loadActor(testDb.db, (await createUser(testDb.db, { organisationId, role })).id))!;
let addressCounter = 0;
const origin = () => ({ ipAddress: `198.51.100.${++addressCounter % 250}`, userAgent: "vitest" });
const userCount = async () => (await testDb.db.select({ n: count() }).from(users))[0]!.n;
const newcomer = (code: string, overrides: Partial<Parameters<typeof joinWithCode>[1]> = {}) =>
  joinWithCode(testDb.db, {
    code,
    name: "Marie Dupont",
    username: `m.dupont-${uniqueSuffix()}`,
    password: PASSWORD,
    origin: origin(),
    ...overrides,
  });

beforeAll(async () => {
  testDb = await createTestDb();
  const centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospitalA = (await createOrganisation(testDb.db, { parentId: centre })).id;
  hospitalB = (await createOrganisation(testDb.db)).id;
  teamA = (await createTeam(testDb.db, { organisationId: hospitalA, name: "Urgences" })).id;
  teamB = (await createTeam(testDb.db, { organisationId: hospitalB })).id;
  [managerA, managerB, learnerA, admin] = await Promise.all([
    actorIn(hospitalA, "manager"),
    actorIn(hospitalB, "manager"),
    actorIn(hospitalA, "learner"),
    actorIn(centre, "admin"),
  ]);
});

afterAll(async () => {
  await testDb?.close();
});

describe("managing join codes", () => {
  it("lets the establishment's manager and the platform admin create codes, for the establishment or one of its teams", async () => {
    const byManager = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const byAdmin = await createJoinCode(testDb.db, { actor: admin, organisationId: hospitalA, teamId: teamA });

    expect(byManager).toMatchObject({ organisationId: hospitalA, teamId: null, isActive: true });
    expect(byManager.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(byAdmin.teamId).toBe(teamA);
    const listed = await listJoinCodes(testDb.db, { actor: managerA, organisationId: hospitalA });
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([byManager.id, byAdmin.id]));
    expect(listed.find((c) => c.id === byAdmin.id)).toMatchObject({ teamName: "Urgences", joined: 0 });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, byManager.id));
    expect(entry).toMatchObject({
      action: "join_code_created",
      actorUserId: managerA.userId,
      organisationId: hospitalA,
    });
  });

  it("gives not_found to a manager of another establishment, a learner, and for another establishment's team, creating nothing", async () => {
    const before = (await testDb.db.select({ n: count() }).from(joinCodes))[0]!.n;
    await expect(createJoinCode(testDb.db, { actor: managerB, organisationId: hospitalA })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createJoinCode(testDb.db, { actor: learnerA, organisationId: hospitalA })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA, teamId: teamB }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA, teamId: "pas-un-uuid" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(createJoinCode(testDb.db, { actor: admin, organisationId: hospitalB })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listJoinCodes(testDb.db, { actor: managerB, organisationId: hospitalA })).rejects.toMatchObject({
      code: "not_found",
    });

    expect((await testDb.db.select({ n: count() }).from(joinCodes))[0]!.n).toBe(before);
  });

  it("turns a code off and back on for its manager or the admin only; others get not_found and the code is unchanged", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const change = (actor: Actor, organisationId: string, isActive: boolean) =>
      setJoinCodeActive(testDb.db, { actor, organisationId, joinCodeId: code.id, isActive });

    await expect(change(managerB, hospitalB, false)).rejects.toMatchObject({ code: "not_found" });
    await expect(change(managerB, hospitalA, false)).rejects.toMatchObject({ code: "not_found" });
    await expect(change(learnerA, hospitalA, false)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getJoinCode(testDb.db, { actor: managerB, organisationId: hospitalB, joinCodeId: code.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await testDb.db.select().from(joinCodes).where(eq(joinCodes.id, code.id)))[0]).toMatchObject({
      isActive: true,
      disabledAt: null,
    });

    expect(await change(managerA, hospitalA, false)).toMatchObject({ isActive: false });
    expect((await testDb.db.select().from(joinCodes).where(eq(joinCodes.id, code.id)))[0]!.disabledAt).toBeInstanceOf(
      Date,
    );
    expect(await change(admin, hospitalA, true)).toMatchObject({ isActive: true });
    const actions = await testDb.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, code.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "join_code_created",
      "join_code_disabled",
      "join_code_enabled",
    ]);
  });
});

describe("joining with a code", () => {
  it("creates a learner of the code's establishment and team, who signs in with the username", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA, teamId: teamA });
    const typed = formatJoinCode(code.code).toLowerCase().replace("-", " - ");
    const username = `M.Dupont-${uniqueSuffix()}`;

    const result = await newcomer(typed, { username });
    expect(result.status).toBe("joined");
    const userId = result.status === "joined" ? result.userId : "";
    const [user] = await testDb.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ username: username.toLowerCase(), email: null, name: "Marie Dupont", isActive: true });
    const [membership] = await testDb.db.select().from(memberships).where(eq(memberships.userId, userId));
    expect(membership).toMatchObject({
      organisationId: hospitalA,
      teamId: teamA,
      role: "learner",
      joinCodeId: code.id,
    });
    expect(
      (await listJoinCodes(testDb.db, { actor: managerA, organisationId: hospitalA })).find((c) => c.id === code.id)
        ?.joined,
    ).toBe(1);
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "join_code.joined"), eq(auditLog.actorUserId, userId)));
    expect(entry).toMatchObject({ organisationId: hospitalA, targetId: code.id });

    const signedIn = await attemptPasswordSignIn(testDb.db, {
      identifier: ` ${username.toUpperCase()} `,
      password: PASSWORD,
      origin: origin(),
    });
    expect(signedIn).toMatchObject({ status: "ok", user: { id: userId } });
  });

  it("refuses a wrong code and a turned-off code alike, creating nothing and auditing the refusal", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    await setJoinCodeActive(testDb.db, {
      actor: managerA,
      organisationId: hospitalA,
      joinCodeId: code.id,
      isActive: false,
    });
    const before = await userCount();

    expect(await newcomer(code.code)).toEqual({ status: "invalid_code" });
    expect(await newcomer("ABCDEFGHJK")).toEqual({ status: "invalid_code" });
    expect(await newcomer("pas un code")).toEqual({ status: "invalid_code" });
    expect(await userCount()).toBe(before);
    // The turned-off code is named by its id, for its establishment; what was typed is never kept.
    const refusals = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "join_code.refused"), eq(auditLog.targetId, code.id)));
    expect(refusals).toMatchObject([{ organisationId: hospitalA }]);
  });

  it("refuses a username already in use, whatever its case, creating nothing", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const username = `j.martin-${uniqueSuffix()}`;
    expect((await newcomer(code.code, { username })).status).toBe("joined");
    const before = await userCount();

    expect(await newcomer(code.code, { username: username.toUpperCase() })).toEqual({ status: "username_taken" });
    expect(await userCount()).toBe(before);
    await expect(newcomer(code.code, { username: "a@b" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(newcomer(code.code, { password: "trop court" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("refuses a name of invisible characters or without a letter, creating nothing, and keeps a typed name tidy", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const before = await userCount();

    for (const name of [" \u200B\u200D\uFEFF \u200B ", "A\u200BB\u200BC", "\u3164\u3164", "12 -- 34"]) {
      await expect(newcomer(code.code, { name })).rejects.toMatchObject({ code: "bad_request" });
    }
    expect(await userCount()).toBe(before);
    const joined = await newcomer(code.code, { name: "  Zoe\u0308   Œuvray " });
    const [user] = await testDb.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, joined.status === "joined" ? joined.userId : ""));
    expect(user?.name).toBe("Zoë Œuvray");
  });

  it("refuses codes from an address past 20 wrong ones, even a good one, until the quarter of an hour is over", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const from = { ipAddress: "203.0.113.50", userAgent: "vitest" };
    const now = inCurrentQuarterHour(10);
    // Good codes are given back: they never use up the allowance.
    for (let i = 0; i < 5; i++)
      expect((await checkJoinCode(testDb.db, { code: code.code, origin: from, now })).status).toBe("ok");
    for (let i = 0; i < 20; i++)
      expect(
        (await checkJoinCode(testDb.db, { code: `ZZZZZ${String(i).padStart(5, "2")}`, origin: from, now })).status,
      ).toBe("invalid");

    expect(await checkJoinCode(testDb.db, { code: code.code, origin: from, now })).toEqual({
      status: "throttled",
      retryAfterSeconds: 890,
    });
    const before = await userCount();
    expect(
      (
        await joinWithCode(testDb.db, {
          code: code.code,
          name: "Léa Nguyễn",
          username: `lea-${uniqueSuffix()}`,
          password: PASSWORD,
          origin: from,
          now,
        })
      ).status,
    ).toBe("throttled");
    expect(await userCount()).toBe(before);
    expect(
      (await checkJoinCode(testDb.db, { code: code.code, origin: { ...from, ipAddress: "203.0.113.51" }, now })).status,
    ).toBe("ok");
    expect(
      (await checkJoinCode(testDb.db, { code: code.code, origin: from, now: new Date(now.getTime() + 15 * 60_000) }))
        .status,
    ).toBe("ok");
    const throttled = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "join_code.refused"), eq(auditLog.ipAddress, "203.0.113.50")));
    expect(throttled.filter((e) => e.details.reason === "throttled")).toHaveLength(2);
  });
});

describe("signing in with a username", () => {
  const joined = async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const username = `agent-${uniqueSuffix()}`;
    const result = await newcomer(code.code, { username });
    if (result.status !== "joined") throw new Error(result.status);

    return { username, userId: result.userId };
  };

  it("refuses the 11th attempt on one username even with the right password, from any address", async () => {
    const { username } = await joined();
    for (let i = 0; i < 10; i++)
      expect(
        (
          await attemptPasswordSignIn(testDb.db, {
            identifier: username,
            password: "mauvais mot de passe",
            origin: origin(),
          })
        ).status,
      ).toBe("invalid");

    expect(
      (await attemptPasswordSignIn(testDb.db, { identifier: username, password: PASSWORD, origin: origin() })).status,
    ).toBe("throttled");
  });

  it("counts failures by e-mail and by username against one account", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const username = `double-${uniqueSuffix()}`;
    const email = `${username}@example.org`;
    const result = await newcomer(code.code, { username });
    expect(result.status).toBe("joined");
    // An account reachable by an e-mail and by an identifier has one counter.
    await testDb.db
      .update(users)
      .set({ email })
      .where(eq(users.id, result.status === "joined" ? result.userId : ""));
    for (let i = 0; i < 5; i++)
      await attemptPasswordSignIn(testDb.db, { identifier: email, password: "mauvais mot de passe", origin: origin() });
    for (let i = 0; i < 5; i++)
      await attemptPasswordSignIn(testDb.db, {
        identifier: username,
        password: "mauvais mot de passe",
        origin: origin(),
      });

    expect(
      (await attemptPasswordSignIn(testDb.db, { identifier: username, password: PASSWORD, origin: origin() })).status,
    ).toBe("throttled");
  });

  it("refuses a deactivated learner", async () => {
    const { username, userId } = await joined();
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, userId));

    expect(
      (await attemptPasswordSignIn(testDb.db, { identifier: username, password: PASSWORD, origin: origin() })).status,
    ).toBe("invalid");
  });
});

describe("a password link for a learner without e-mail", () => {
  it("is created by the establishment's manager or the admin only, and lets the learner choose a new password once", async () => {
    const code = await createJoinCode(testDb.db, { actor: managerA, organisationId: hospitalA });
    const username = `oubli-${uniqueSuffix()}`;
    const joined = await newcomer(code.code, { username });
    const userId = joined.status === "joined" ? joined.userId : "";
    const link = (actor: Actor, organisationId = hospitalA, target = userId) =>
      createPasswordLink(testDb.db, { actor, organisationId, userId: target, baseUrl: "https://vigie.example.org" });

    await expect(link(managerB)).rejects.toMatchObject({ code: "not_found" });
    await expect(link(managerB, hospitalB)).rejects.toMatchObject({ code: "not_found" });
    await expect(link(learnerA)).rejects.toMatchObject({ code: "not_found" });
    await expect(link(managerA, hospitalA, learnerA.userId)).rejects.toMatchObject({ code: "not_found" });
    expect((await link(admin)).url).toMatch(/^https:\/\/vigie\.example\.org\/mot-de-passe\/nouveau\?jeton=/);
    const { url } = await link(managerA);
    const token = new URL(url).searchParams.get("jeton")!;

    await resetPassword(testDb.db, { token, password: "une toute nouvelle phrase", origin: origin() });
    expect(
      (
        await attemptPasswordSignIn(testDb.db, {
          identifier: username,
          password: "une toute nouvelle phrase",
          origin: origin(),
        })
      ).status,
    ).toBe("ok");
    await expect(
      resetPassword(testDb.db, { token, password: "encore une autre phrase", origin: origin() }),
    ).rejects.toMatchObject({ code: "not_found" });
    const entries = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "password_link_created"), eq(auditLog.targetId, userId)));
    expect(entries.map((e) => e.actorUserId).sort()).toEqual([admin.userId, managerA.userId].sort());
  });
});
