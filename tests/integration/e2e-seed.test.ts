import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignments,
  certificates,
  memberships,
  moduleProgress,
  organisations,
  passwordCredentials,
  teams,
  users,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import {
  E2E_MATRIX,
  E2E_OTHER_CENTRE,
  E2E_SECOND_ESTABLISHMENT,
  seedE2eEstablishments,
} from "@/db/seed/e2e-establishments";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue();
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

async function snapshot() {
  const tables = {
    organisations,
    teams,
    users,
    memberships,
    passwordCredentials,
    moduleProgress,
    certificates,
    assignments,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(
      async ([name, table]) =>
        [
          name,
          ((await testDb.db.select().from(table as typeof teams)) as unknown[])
            .map((row) => JSON.stringify(row))
            .sort(),
        ] as const,
    ),
  );

  return Object.fromEntries(entries);
}

/** How many of each object an establishment has: what the authorization matrix needs on both sides. */
async function objectsOf(organisationId: string) {
  const { db } = testDb;
  const count = async (table: typeof teams | typeof assignments | typeof certificates | typeof moduleProgress) =>
    (await db.select().from(table).where(eq(table.organisationId, organisationId))).length;
  const roles = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId));
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));

  return {
    teams: await count(teams),
    assignments: await count(assignments),
    certificates: await count(certificates),
    progress: await count(moduleProgress),
    managers: roles.filter((r) => r.role === "manager").length,
    learners: roles.filter((r) => r.role === "learner").length,
    incidentContact: Boolean(organisation?.incidentContactName),
  };
}

describe("seedE2eEstablishments", () => {
  it("gives the second establishment, under the same centre, a counterpart of every object of the first", async () => {
    await seedDemo(testDb.db);
    const { establishmentA, establishmentB } = await seedE2eEstablishments(testDb.db, catalogue);

    const [a, b] = [await objectsOf(establishmentA), await objectsOf(establishmentB)];
    for (const [kind, value] of Object.entries(b)) expect(value, kind).toBeTruthy();
    for (const [kind, value] of Object.entries(a)) expect(value, kind).toBeTruthy();
    const [second] = await testDb.db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, E2E_SECOND_ESTABLISHMENT.slug));
    const [first] = await testDb.db.select().from(organisations).where(eq(organisations.id, establishmentA));
    expect(second?.parentId).toBe(first?.parentId);

    const [managerB] = await testDb.db
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(memberships.organisationId, establishmentB), eq(memberships.role, "manager")));
    const actor = (await loadActor(testDb.db, managerB!.id))!;
    expect((await listManagedEstablishments(testDb.db, { actor })).map((e) => e.id)).toEqual([establishmentB]);
  });

  it("gives another centre an admin and an establishment with the same kinds of objects, that reaches nothing of the demo centre", async () => {
    const { establishmentA, establishmentB, otherCentre, establishmentC } = await seedE2eEstablishments(
      testDb.db,
      catalogue,
    );

    const c = await objectsOf(establishmentC);
    for (const kind of ["teams", "assignments", "certificates", "progress", "learners"] as const)
      expect(c[kind], kind).toBeTruthy();
    const [centre] = await testDb.db.select().from(organisations).where(eq(organisations.id, otherCentre));
    expect(centre).toMatchObject({ kind: "centre", parentId: null, slug: E2E_OTHER_CENTRE.slug });
    const [admin] = await testDb.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, E2E_MATRIX.c.admin.email));
    const actor = (await loadActor(testDb.db, admin!.id))!;
    expect(actor.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role }))).toEqual([
      { organisationId: otherCentre, role: "admin" },
    ]);
    expect((await listManagedEstablishments(testDb.db, { actor })).map((e) => e.id)).toEqual([establishmentC]);
    for (const id of [establishmentA, establishmentB])
      expect(await listManagedEstablishments(testDb.db, { actor, organisationId: id })).toEqual([]);
  });

  it("changes nothing when run again, after the demo seed runs again too", async () => {
    const before = await snapshot();

    await seedDemo(testDb.db);
    await seedE2eEstablishments(testDb.db, catalogue);
    expect(await snapshot()).toEqual(before);
  });
});
