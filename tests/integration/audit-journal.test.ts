import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/audit/list-audit-entries";
import { loadActor } from "@/lib/auth/load-actor";
import { type TestDb, createTestDb } from "../support/db";

// The admin journal's filters (action, person, Paris days) and pages, on the database: they
// narrow what the admin's centre may see, never widen it.
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

async function centreWithPeople() {
  const suffix = uniqueSuffix();
  const centre = await createOrganisation(testDb.db, { kind: "centre" });
  const hospital = await createOrganisation(testDb.db, { parentId: centre.id, name: `EHPAD Les Oliviers ${suffix}` });
  const [admin, karim, ines] = await Promise.all([
    createUser(testDb.db, { organisationId: centre.id, role: "admin" }),
    createUser(testDb.db, {
      organisationId: hospital.id,
      role: "manager",
      name: `Karim Benali ${suffix}`,
      email: `karim-${suffix}@vigie.test`,
    }),
    createUser(testDb.db, {
      organisationId: hospital.id,
      name: `Inès 100%_Garnier ${suffix}`,
      email: `ines-${suffix}@vigie.test`,
    }),
  ]);

  return { suffix, centre, hospital, admin: (await loadActor(testDb.db, admin.id))!, karim, ines };
}

const entry = (values: Partial<typeof auditLog.$inferInsert> & { action: string }) =>
  testDb.db.insert(auditLog).values(values);

describe("the journal's filters", () => {
  it("keeps the entries of one person, as actor or as target, by part of their name, e-mail or username", async () => {
    const { hospital, admin, karim, ines, suffix } = await centreWithPeople();
    await entry({ action: "personal_data_exported", actorUserId: karim.id, targetType: "user", targetId: karim.id });
    await entry({
      action: "member.role_changed",
      actorUserId: karim.id,
      organisationId: hospital.id,
      targetType: "user",
      targetId: ines.id,
      details: { from: "learner", to: "manager" },
    });
    await entry({ action: "sign_out", actorUserId: ines.id });

    const actions = async (person: string) =>
      (await listAuditEntries(testDb.db, admin, { person })).entries.map((e) => e.action).sort();
    expect(await actions(`KARIM BENALI ${suffix}`)).toEqual(["member.role_changed", "personal_data_exported"]);
    expect(await actions(`ines-${suffix}@`)).toEqual(["member.role_changed", "sign_out"]);
    // % and _ are letters here, not wildcards.
    expect(await actions(`100%_garnier ${suffix}`)).toEqual(["member.role_changed", "sign_out"]);
    expect(await actions(`100__garnier ${suffix}`)).toEqual([]);

    const [roleChange] = (
      await listAuditEntries(testDb.db, admin, { person: `karim benali ${suffix}`, action: "member.role_changed" })
    ).entries;
    expect(roleChange).toMatchObject({
      actorName: karim.name,
      targetName: ines.name,
      organisationName: hospital.name,
      details: { from: "learner", to: "manager" },
    });
  });

  it("keeps the entries of whole Paris days, the first and the last included", async () => {
    const { admin, karim, suffix } = await centreWithPeople();
    const at = (iso: string) =>
      entry({ action: "sign_out", actorUserId: karim.id, occurredAt: new Date(iso), details: { at: iso } });
    // Paris is UTC+1 in winter: 1 December starts at 23:00 UTC on 30 November.
    await Promise.all(
      ["2026-11-30T22:59:59Z", "2026-11-30T23:00:00Z", "2026-12-02T22:59:59Z", "2026-12-02T23:00:00Z"].map(at),
    );

    const seen = async (from?: string, to?: string) =>
      (await listAuditEntries(testDb.db, admin, { person: `karim benali ${suffix}`, from, to })).entries
        .map((e) => e.details.at)
        .sort();
    expect(await seen("2026-12-01", "2026-12-02")).toEqual(["2026-11-30T23:00:00Z", "2026-12-02T22:59:59Z"]);
    expect(await seen("2026-12-03")).toEqual(["2026-12-02T23:00:00Z"]);
    expect(await seen(undefined, "2026-11-30")).toEqual(["2026-11-30T22:59:59Z"]);
  });

  it("never widens the centre's scope: another centre's admin finds none of its people", async () => {
    const { karim, suffix } = await centreWithPeople();
    const other = await centreWithPeople();
    await entry({ action: "personal_data_exported", actorUserId: karim.id, targetType: "user", targetId: karim.id });

    expect((await listAuditEntries(testDb.db, other.admin, { person: `karim benali ${suffix}` })).entries).toEqual([]);
    expect(
      (
        await listAuditEntries(testDb.db, other.admin, { person: "karim", action: "personal_data_exported" })
      ).entries.map((e) => e.actorName),
    ).not.toContain(karim.name);
  });

  it("pages the filtered entries by at most 50, each once", async () => {
    const { admin, karim, suffix } = await centreWithPeople();
    await testDb.db.execute(sql`insert into audit_log (actor_user_id, action, occurred_at)
      select ${karim.id}::uuid, 'reauthenticated', now() - n * interval '1 second' from generate_series(1, 120) as n`);

    const ids: string[] = [];
    let before: string | undefined;
    do {
      const page = await listAuditEntries(testDb.db, admin, {
        person: `karim benali ${suffix}`,
        action: "reauthenticated",
        before,
      });
      expect(page.entries.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      ids.push(...page.entries.map((e) => e.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
  });
});
