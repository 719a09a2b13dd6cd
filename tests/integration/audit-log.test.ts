import { runNow } from "@/lib/auth/defer";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { type AuditAction, recordAudit } from "@/lib/audit/record-audit";
import { attemptPasswordSignIn } from "@/lib/auth/attempt-password-sign-in";
import { loadActor } from "@/lib/auth/load-actor";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestMagicLink } from "@/lib/auth/request-magic-link";
import { checkJoinCode } from "@/lib/join/check-join-code";
import { type TestDb, createTestDb } from "../support/db";

// M12 (security review): the audit log's entries that belong to no establishment reach only the
// instance's operators; typed identifiers of unknown accounts are not kept; anonymous requests
// cannot flood it; the journal pages through every entry.
const OPERATOR_SLUG = `centre-operateur-${uniqueSuffix()}`;
let testDb: TestDb;
let addressCounter = 0;
const origin = (ipAddress = `198.18.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`) => ({
  ipAddress,
  userAgent: "vitest",
});

beforeAll(async () => {
  process.env.OPERATOR_CENTRE = OPERATOR_SLUG;
  testDb = await createTestDb();
});

afterAll(async () => {
  delete process.env.OPERATOR_CENTRE;
  await testDb?.close();
});

const actorOf = async (userId: string) => (await loadActor(testDb.db, userId))!;

/** Every entry the admin can page through, newest first. */
async function allSeenBy(userId: string, action?: AuditAction) {
  const actor = await actorOf(userId);
  const seen = [];
  let before: string | undefined;
  for (let page = 0; page < 1_000; page++) {
    const { entries, nextCursor } = await listAuditEntries(testDb.db, actor, { action, before });
    seen.push(...entries);
    if (!nextCursor) return seen;
    before = nextCursor;
  }
  throw new Error("no end to the pages");
}

describe("audit log scope", () => {
  it("shows entries that belong to no establishment only to the operators, and a known account's failures to its centre", async () => {
    const operatorCentre = await createOrganisation(testDb.db, { kind: "centre", slug: OPERATOR_SLUG });
    const [north, south] = await Promise.all([
      createOrganisation(testDb.db, { kind: "centre" }),
      createOrganisation(testDb.db, { kind: "centre" }),
    ]);
    const southHospital = await createOrganisation(testDb.db, { parentId: south.id });
    const [operator, northAdmin, southAdmin, southLearner] = await Promise.all([
      createUser(testDb.db, { organisationId: operatorCentre.id, role: "admin" }),
      createUser(testDb.db, { organisationId: north.id, role: "admin" }),
      createUser(testDb.db, { organisationId: south.id, role: "admin" }),
      createUser(testDb.db, { organisationId: southHospital.id, password: "une phrase de passe assez longue" }),
    ]);
    const from = origin();
    await attemptPasswordSignIn(testDb.db, {
      identifier: `inconnu-${uniqueSuffix()}@vigie.test`,
      password: "peu importe",
      origin: from,
    });
    await attemptPasswordSignIn(testDb.db, {
      identifier: southLearner.email!,
      password: "pas le bon mot de passe",
      origin: from,
    });

    const seenBy = async (userId: string) =>
      (await allSeenBy(userId, "sign_in.failed"))
        .filter((entry) => entry.ipAddress === from.ipAddress)
        .map((entry) => entry.target ?? "—")
        .sort();
    expect(await seenBy(operator.id)).toEqual(["—"]);
    expect(await seenBy(southAdmin.id)).toEqual([southLearner.email]);
    expect(await seenBy(northAdmin.id)).toEqual([]);
  });
});

describe("what the audit log keeps of a request", () => {
  it("never stores what was typed for an unknown account (it may be a password)", async () => {
    const typed = `Mon-Mot-De-Passe-${uniqueSuffix()}`;
    const from = origin();
    await attemptPasswordSignIn(testDb.db, { identifier: typed, password: "x", origin: from });
    await requestMagicLink(testDb.db, { email: `${typed}@inconnu.test`, origin: from, defer: runNow });
    await requestPasswordReset(testDb.db, {
      email: `${typed}@inconnu.test`,
      baseUrl: "http://localhost",
      origin: from,
      defer: runNow,
    });
    await checkJoinCode(testDb.db, { code: typed, origin: from });

    const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.ipAddress, from.ipAddress));
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      "join_code.refused",
      "magic_link.requested",
      "password_reset.requested",
      "sign_in.failed",
    ]);
    expect(JSON.stringify(entries).toLowerCase()).not.toContain(typed.toLowerCase());
  });

  it("records at most 60 entries an address's anonymous requests add in 15 minutes, and says when it stops", async () => {
    const from = origin();
    for (let i = 0; i < 150; i++) await checkJoinCode(testDb.db, { code: `FAUX${i}`, origin: from });

    const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.ipAddress, from.ipAddress));
    expect(entries.filter((entry) => entry.action === "join_code.refused")).toHaveLength(60);
    expect(entries.filter((entry) => entry.action === "audit.rate_limited")).toHaveLength(1);
    // A signed-in person's entries are never held back.
    const user = await createUser(testDb.db);
    for (let i = 0; i < 3; i++)
      await recordAudit(testDb.db, { action: "sign_out", actorUserId: user.id, origin: from });
    expect((await testDb.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id))).length).toBe(3);
  });
});

describe("the journal's pages", () => {
  it("pages through every entry of the centre once, newest first, entries of the same instant included", async () => {
    const centre = await createOrganisation(testDb.db, { kind: "centre" });
    const hospital = await createOrganisation(testDb.db, { parentId: centre.id });
    const [admin, learner] = await Promise.all([
      createUser(testDb.db, { organisationId: centre.id, role: "admin" }),
      createUser(testDb.db, { organisationId: hospital.id }),
    ]);
    const at = new Date("2026-12-01T10:00:00.123456Z");
    // 130 entries, 70 of them in the same microsecond: only the id tells them apart.
    await testDb.db.execute(sql`insert into audit_log (id, actor_user_id, action, occurred_at)
      select gen_random_uuid(), ${learner.id}::uuid, 'sign_out', case when n <= 70 then ${at.toISOString()}::timestamptz else ${at.toISOString()}::timestamptz - n * interval '1 microsecond' end
      from generate_series(1, 130) as n`);

    const seen = (await allSeenBy(admin.id, "sign_out")).filter((entry) => entry.actorEmail === learner.email);
    const ids = seen.map((entry) => entry.id);
    expect(ids).toHaveLength(130);
    expect(new Set(ids).size).toBe(130);
    const times = seen.map((entry) => entry.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A cursor that is not an entry's id starts again from the newest.
    const first = await listAuditEntries(testDb.db, await actorOf(admin.id), {
      action: "sign_out",
      before: "pas-un-identifiant",
    });
    expect(first.entries[0]?.id).toBe(
      (await listAuditEntries(testDb.db, await actorOf(admin.id), { action: "sign_out" })).entries[0]?.id,
    );
    expect(
      (await listAuditEntries(testDb.db, await actorOf(admin.id), { action: "sign_out", before: randomUUID() }))
        .entries,
    ).toEqual([]);
  });
});
