import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, organisations, phishingExercises, phishingRecipients, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { seedE2eEstablishments } from "@/db/seed/e2e-establishments";
import { E2E_PHISHING_PEOPLE, seedE2ePhishingPeople } from "@/db/seed/e2e-phishing-people";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { requireIndividualResults } from "@/lib/access/phishing-individual-results";
import { loadActor } from "@/lib/auth/load-actor";
import { getIndividualResultsSetting, setIndividualResultsSetting } from "@/lib/phishing/individual-results-setting";
import { listExercisePeople } from "@/lib/phishing/list-exercise-people";
import { listOwnResults } from "@/lib/phishing/list-own-results";
import { type TestDb, createTestDb } from "../support/db";

// Individual results: the person's own, always; the managers' per-person list only where the
// establishment allows it, only for an establishment they manage, and only that exercise's results.
let testDb: TestDb;
let centre: string;
const at = (minutes: number) => new Date(Date.parse("2026-11-03T09:00:00Z") + minutes * 60_000);

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function establishment() {
  const organisationId = (await createOrganisation(testDb.db, { parentId: centre })).id;
  const manager = await createUser(testDb.db, { organisationId, role: "manager" });

  return { organisationId, manager: (await loadActor(testDb.db, manager.id))! };
}

async function exercise(organisationId: string, state: "running" | "done" = "done") {
  const [row] = await testDb.db
    .insert(phishingExercises)
    .values({
      organisationId,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: "2026-11-02",
      workingDays: 2,
      state,
      staffInformedAt: at(-10_000),
    })
    .returning();

  return row!.id;
}

async function received(
  exerciseId: string,
  organisationId: string,
  userId: string,
  did: { clickedAt?: Date; reportedAt?: Date } = {},
) {
  await testDb.db.insert(phishingRecipients).values({
    exerciseId,
    organisationId,
    userId,
    plannedAt: at(0),
    sentAt: at(0),
    deliveredAt: at(1),
    ...did,
  });
}

describe("a person's own results", () => {
  it("lists each exercise that reached them, newest first, hiding one still running that they did not act on", async () => {
    const a = await establishment();
    const person = await createUser(testDb.db, { organisationId: a.organisationId });
    const finished = await exercise(a.organisationId);
    const running = await exercise(a.organisationId, "running");
    const actedOn = await exercise(a.organisationId, "running");
    const notDelivered = await exercise(a.organisationId);
    await received(finished, a.organisationId, person.id, { clickedAt: at(5), reportedAt: at(9) });
    await received(running, a.organisationId, person.id);
    await received(actedOn, a.organisationId, person.id, { reportedAt: at(3) });
    await testDb.db.insert(phishingRecipients).values({
      exerciseId: notDelivered,
      organisationId: a.organisationId,
      userId: person.id,
      plannedAt: at(0),
      sentAt: at(0),
      sendError: "no_address",
    });

    const own = await listOwnResults(testDb.db, person.id);

    expect(own.map((r) => [r.scenarioId, r.clickedAt, r.reportedAt])).toEqual(
      expect.arrayContaining([
        ["colis-pharmacie-pui", at(5), at(9)],
        ["colis-pharmacie-pui", null, at(3)],
      ]),
    );
    expect(own).toHaveLength(2);
    expect(await listOwnResults(testDb.db, (await createUser(testDb.db)).id)).toEqual([]);
  });
});

describe("the managers' per-person results", () => {
  it("are not found while the establishment keeps results to each person (the default)", async () => {
    const a = await establishment();
    const id = await exercise(a.organisationId);
    expect(await getIndividualResultsSetting(testDb.db, a.organisationId)).toBe(false);

    await expect(requireIndividualResults(testDb.db, a.manager, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(requireIndividualResults(testDb.db, a.manager, "pas-un-id")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("once allowed, show that exercise's people to its managers only, with that exercise's results", async () => {
    const a = await establishment();
    const b = await establishment();
    const both = await createUser(testDb.db, { organisationId: a.organisationId, name: "Camille Deux-Sites" });
    await testDb.db.insert(memberships).values({ userId: both.id, organisationId: b.organisationId, role: "learner" });
    const inA = await exercise(a.organisationId);
    const inB = await exercise(b.organisationId);
    await received(inA, a.organisationId, both.id, { reportedAt: at(4) });
    await received(inB, b.organisationId, both.id, { clickedAt: at(6) });
    for (const place of [a, b])
      await setIndividualResultsSetting(testDb.db, {
        actor: place.manager,
        organisationId: place.organisationId,
        enabled: true,
      });

    const scope = await requireIndividualResults(testDb.db, a.manager, inA);
    expect(scope.establishment.id).toBe(a.organisationId);
    const people = await listExercisePeople(testDb.db, {
      exerciseId: scope.exercise.id,
      organisationId: scope.establishment.id,
    });
    expect(people).toEqual([expect.objectContaining({ userId: both.id, clickedAt: null, reportedAt: at(4) })]);
    // B's exercise is not A's manager's, even through a person of both; nor A's B's manager's.
    await expect(requireIndividualResults(testDb.db, a.manager, inB)).rejects.toMatchObject({ code: "not_found" });
    await expect(requireIndividualResults(testDb.db, b.manager, inA)).rejects.toMatchObject({ code: "not_found" });
    // A learner of A is no manager.
    const learner = (await loadActor(testDb.db, both.id))!;
    await expect(requireIndividualResults(testDb.db, learner, inA)).rejects.toMatchObject({ code: "not_found" });
    // The centre's admin manages both.
    const admin = await createUser(testDb.db, { organisationId: centre, role: "admin" });
    await expect(
      requireIndividualResults(testDb.db, (await loadActor(testDb.db, admin.id))!, inB),
    ).resolves.toMatchObject({ establishment: { id: b.organisationId } });
  });

  it("is changed by the establishment's managers only, and each change is audited", async () => {
    const a = await establishment();
    const b = await establishment();

    await expect(
      setIndividualResultsSetting(testDb.db, { actor: b.manager, organisationId: a.organisationId, enabled: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await getIndividualResultsSetting(testDb.db, a.organisationId)).toBe(false);

    await setIndividualResultsSetting(testDb.db, { actor: a.manager, organisationId: a.organisationId, enabled: true });
    await setIndividualResultsSetting(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      enabled: false,
    });

    const [row] = await testDb.db
      .select({ enabled: organisations.phishingIndividualResults })
      .from(organisations)
      .where(eq(organisations.id, a.organisationId));
    expect(row!.enabled).toBe(false);
    const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.organisationId, a.organisationId));
    const changes = entries
      .filter((e) => e.action === "phishing_individual_results.changed")
      .map((e) => [e.actorUserId, e.details.isEnabled]);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        [a.manager.userId, true],
        [a.manager.userId, false],
      ]),
    );
  });
});

describe("the end-to-end data of individual results", () => {
  it("gives A and B a finished exercise with a person of both, and changes nothing when run again", async () => {
    await seedDemo(testDb.db);
    const ids = await seedE2eEstablishments(testDb.db, loadCatalogue());
    await seedE2ePhishingPeople(testDb.db, ids);
    const count = async () => (await testDb.db.select().from(phishingRecipients)).length;
    const before = await count();
    await seedE2ePhishingPeople(testDb.db, ids);

    expect(await count()).toBe(before);
    const [shared] = await testDb.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, E2E_PHISHING_PEOPLE.shared.email));
    const own = await listOwnResults(testDb.db, shared!.id);
    expect(own.map((r) => [r.clickedAt !== null, r.reportedAt !== null]).sort()).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(await getIndividualResultsSetting(testDb.db, ids.establishmentA)).toBe(true);
    expect(await getIndividualResultsSetting(testDb.db, ids.establishmentC)).toBe(false);
  });
});
