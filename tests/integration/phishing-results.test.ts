import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, moduleProgress, phishingExercises, phishingRecipients, users } from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemo } from "@/db/seed/demo";
import { seedE2eEstablishments } from "@/db/seed/e2e-establishments";
import { E2E_EXERCISE, seedE2ePhishing } from "@/db/seed/e2e-phishing";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { Actor } from "@/lib/auth/load-actor";
import { exerciseResultsCsv, exerciseResultsCsvHeader } from "@/lib/phishing/exercise-results-csv";
import { getExerciseResults } from "@/lib/phishing/get-exercise-results";
import { listExerciseTrend } from "@/lib/phishing/list-exercise-trend";
import { PHISHING_MODULE_ID } from "@/lib/phishing/phishing-module";
import { type TestDb, createTestDb } from "../support/db";
import { signedInActor } from "../support/signed-in-actor";

// Results by service of a seeded exercise: what each service's row counts, the merge of small
// services, the time to the first report, the module after the message and after the click, and
// who may read them. Recipients are written directly, with the instants the sender and the
// landing page would have left.
let testDb: TestDb;
let centre: string;
const FIRST_SENT = Date.parse("2026-11-02T08:00:00Z");
const at = (minutes: number) => new Date(FIRST_SENT + minutes * 60_000);

/** One recipient: minutes after FIRST_SENT of each event; `module`: when the phishing module was completed. */
type Person = {
  sent?: number;
  delivered?: false;
  automatic?: number;
  clicked?: number;
  reported?: number;
  module?: number;
};

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function establishment() {
  const organisationId = (await createOrganisation(testDb.db, { parentId: centre })).id;
  const manager = (await signedInActor(
    testDb.db,
    (await createUser(testDb.db, { organisationId, role: "manager" })).id,
  ))!;

  return { organisationId, manager };
}

const teams = new Map<string, string>();

/** The establishment's service of that name, made the first time. */
async function team(organisationId: string, name: string): Promise<string> {
  const key = `${organisationId}:${name}`;
  if (!teams.has(key)) teams.set(key, (await createTeam(testDb.db, { organisationId, name })).id);

  return teams.get(key)!;
}

async function exercise(
  organisationId: string,
  services: Array<{ name: string | null; people: Person[] }>,
  options: { windowStartsOn?: string; launched?: boolean } = {},
) {
  const launched = options.launched ?? true;
  const [row] = await testDb.db
    .insert(phishingExercises)
    .values({
      organisationId,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: options.windowStartsOn ?? "2026-11-02",
      workingDays: 2,
      state: launched ? "done" : "draft",
      staffInformedAt: launched ? at(-60) : null,
      launchedAt: launched ? at(-60) : null,
    })
    .returning();
  for (const service of services) {
    const teamId = service.name ? await team(organisationId, service.name) : null;
    for (const person of service.people) {
      const user = await createUser(testDb.db, { organisationId, teamId });
      const sentAt = person.sent === undefined ? null : at(person.sent);
      await testDb.db.insert(phishingRecipients).values({
        exerciseId: row!.id,
        organisationId,
        userId: user.id,
        teamId,
        plannedAt: sentAt ?? at(600),
        sentAt,
        deliveredAt: sentAt && person.delivered !== false ? sentAt : null,
        automaticOpens: person.automatic ?? (person.clicked === undefined ? 0 : 1),
        clickedAt: person.clicked === undefined ? null : at(person.clicked),
        reportedAt: person.reported === undefined ? null : at(person.reported),
      });
      if (person.module !== undefined) {
        const done = at(person.module);
        await testDb.db.insert(moduleProgress).values({
          userId: user.id,
          moduleId: PHISHING_MODULE_ID,
          organisationId,
          moduleVersion: 1,
          completedAt: done,
          completedVersion: 1,
          lastFinishAt: done,
          lastCompletedAt: done,
          startedAt: done,
          lastActivityAt: done,
        });
      }
    }
  }

  return row!.id;
}

async function csvText(actor: Actor, organisationId: string, exerciseId: string): Promise<string> {
  let text = "";
  for await (const chunk of await exerciseResultsCsv(testDb.db, { actor, organisationId, exerciseId })) text += chunk;

  return text;
}

const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe("an exercise's results by service", () => {
  it("counts each service of five people or more, merges the smaller ones, and totals everyone", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [
      {
        name: "Bloc opératoire",
        people: [
          // Clicked, then took the module: counted after the message and after the click.
          { sent: 0, clicked: 10, module: 60 },
          // Took the module between the message and the click: after the message only.
          { sent: 1, module: 5, clicked: 30 },
          // Took it before the message: not counted.
          { sent: 2, module: -600 },
          { sent: 3, reported: 45 },
          { sent: 4, automatic: 3 },
          { sent: 5, delivered: false },
        ],
      },
      { name: "Cuisine", people: times(5, (i) => ({ sent: 100 + i, ...(i === 0 ? { reported: 250 } : {}) })) },
      { name: "Laboratoire", people: [{ sent: 20, clicked: 21 }, { sent: 21 }, { sent: 22 }] },
      { name: "Standard", people: [{ sent: 30, reported: 31 }] },
      { name: null, people: [{ sent: 40 }, { sent: 41, automatic: 1 }] },
      // Planned, not sent yet: in no count.
      { name: "Pharmacie", people: times(6, () => ({})) },
    ]);

    const results = await getExerciseResults(testDb.db, {
      actor: place.manager,
      organisationId: place.organisationId,
      exerciseId,
    });

    expect(results.exercise).toMatchObject({ id: exerciseId, scenarioId: "colis-pharmacie-pui", state: "done" });
    expect(results.rows.map((row) => row.group)).toEqual([
      expect.objectContaining({ kind: "service", name: "Bloc opératoire" }),
      expect.objectContaining({ kind: "service", name: "Cuisine" }),
      { kind: "merged", services: 3 },
    ]);
    const [bloc, cuisine, merged] = results.rows;
    expect(bloc).toMatchObject({
      sent: 6,
      delivered: 5,
      automaticOpens: 1,
      clicks: 2,
      reports: 1,
      moduleCompleted: 2,
      clickedThenModule: 1,
      firstSentAt: at(0),
      firstReportedAt: at(45),
    });
    expect(cuisine).toMatchObject({ sent: 5, delivered: 5, clicks: 0, reports: 1, firstSentAt: at(100) });
    // Time to the first report, per service: from the service's first message.
    expect(cuisine!.firstReportedAt!.getTime() - cuisine!.firstSentAt!.getTime()).toBe(150 * 60_000);
    // Laboratoire (3), Standard (1) and the people without a service (2): 6 people together.
    expect(merged).toMatchObject({
      sent: 6,
      delivered: 6,
      automaticOpens: 1,
      clicks: 1,
      reports: 1,
      firstSentAt: at(20),
      firstReportedAt: at(31),
    });
    expect(results.total).toMatchObject({
      sent: 17,
      delivered: 16,
      automaticOpens: 2,
      clicks: 3,
      reports: 3,
      moduleCompleted: 2,
      clickedThenModule: 1,
      firstSentAt: at(0),
      firstReportedAt: at(31),
    });
  });

  it("shows a merged group of fewer than five only within the total, with the smallest service so that the total gives nothing away", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [
      { name: "Urgences", people: times(8, (i) => ({ sent: i })) },
      { name: "Radiologie", people: times(6, (i) => ({ sent: i, clicked: i + 1 })) },
      { name: "Direction", people: [{ sent: 50, clicked: 51 }] },
    ]);

    const { rows, total } = await getExerciseResults(testDb.db, {
      actor: place.manager,
      organisationId: place.organisationId,
      exerciseId,
    });

    expect(rows.map((row) => [row.group.kind, row.sent, row.clicks])).toEqual([
      ["service", 8, 0],
      ["mergedWithLarger", 7, 7],
    ]);
    expect(total).toMatchObject({ sent: 15, clicks: 7 });
  });

  it("gives an exercise with nothing sent yet its heading and no rows", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [{ name: "Urgences", people: [{}] }], {
      launched: false,
    });

    const results = await getExerciseResults(testDb.db, {
      actor: place.manager,
      organisationId: place.organisationId,
      exerciseId,
    });

    expect(results.exercise.state).toBe("draft");
    expect(results.rows).toEqual([]);
    expect(results.total.sent).toBe(0);
  });
});

describe("who reads an exercise's results", () => {
  it("gives them to the establishment's manager and the centre's admin, not_found to anyone else and for any other id", async () => {
    const a = await establishment();
    const b = await establishment();
    const exerciseOfA = await exercise(a.organisationId, [{ name: "Urgences", people: [{ sent: 0 }] }]);
    const exerciseOfB = await exercise(b.organisationId, [{ name: "Urgences", people: [{ sent: 0 }] }]);
    const admin = (await signedInActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id,
    ))!;
    // Manager of A and learner of B: one account, nothing of B's exercises.
    const managerOfALearnerOfB = await createUser(testDb.db, { organisationId: a.organisationId, role: "manager" });
    await testDb.db
      .insert(memberships)
      .values({ userId: managerOfALearnerOfB.id, organisationId: b.organisationId, role: "learner" });
    const both = (await signedInActor(testDb.db, managerOfALearnerOfB.id))!;
    const read = (actor: Actor, organisationId: string, exerciseId: string) =>
      getExerciseResults(testDb.db, { actor, organisationId, exerciseId });
    const csv = (actor: Actor, organisationId: string, exerciseId: string) =>
      exerciseResultsCsv(testDb.db, { actor, organisationId, exerciseId });

    for (const actor of [a.manager, admin, both])
      expect((await read(actor, a.organisationId, exerciseOfA)).total.sent).toBe(1);
    for (const [actor, organisationId, exerciseId] of [
      [both, b.organisationId, exerciseOfB],
      [both, a.organisationId, exerciseOfB],
      [b.manager, a.organisationId, exerciseOfA],
      [b.manager, b.organisationId, exerciseOfA],
      [a.manager, a.organisationId, "00000000-0000-4000-8000-000000000000"],
      [a.manager, a.organisationId, "pas-un-identifiant"],
    ] as const) {
      await expect(read(actor, organisationId, exerciseId)).rejects.toMatchObject({ code: "not_found" });
      await expect(csv(actor, organisationId, exerciseId)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(listExerciseTrend(testDb.db, { actor: both, organisationId: b.organisationId })).rejects.toMatchObject(
      { code: "not_found" },
    );
  });

  it("asks for a recent proof of identity before the export, after the scope check", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [{ name: "Urgences", people: [{ sent: 0 }] }]);
    const stale = { ...place.manager, session: { ...place.manager.session!, authenticatedAt: at(-24 * 60) } };

    await expect(
      exerciseResultsCsv(testDb.db, { actor: stale, organisationId: place.organisationId, exerciseId }),
    ).rejects.toMatchObject({ code: "reauthentication_required" });
  });
});

describe("the CSV of an exercise's results", () => {
  it("has a BOM, French headers, the rows the page shows and the total", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [
      { name: "Urgences", people: times(6, (i) => ({ sent: i, ...(i < 2 ? { clicked: i + 5 } : {}) })) },
      { name: "Radiologie", people: times(5, (i) => ({ sent: 20 + i })) },
      { name: "Accueil", people: [{ sent: 10, reported: 100, module: 120 }] },
    ]);

    const text = await csvText(place.manager, place.organisationId, exerciseId);

    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(exerciseResultsCsvHeader.join(";"));
    // Accueil (1 person) would be given away by the total: Radiologie, the smallest service, joins it.
    expect(lines.slice(1)).toEqual([
      "Urgences;6;6;0;2;33,3;0;0,0;;0;0,0;0;0,0",
      "Autres services regroupés;6;6;0;0;0,0;1;16,7;90;1;16,7;0;",
      "Ensemble de l'exercice;12;12;0;2;16,7;1;8,3;100;1;8,3;0;0,0",
      "",
    ]);
  });

  it("escapes a service name that a spreadsheet would run as a formula", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [
      { name: "=SOMME(A1)", people: times(5, (i) => ({ sent: i })) },
    ]);

    const lines = (await csvText(place.manager, place.organisationId, exerciseId)).split("\r\n");

    expect(lines[1]).toMatch(/^"?'=SOMME\(A1\)"?;5;5;0;0;0,0;0;0,0;;0;0,0;0;$/);
  });
});

describe("the trend across an establishment's exercises", () => {
  it("has one row per launched exercise, oldest window first, and none of another establishment's", async () => {
    const place = await establishment();
    const other = await establishment();
    const later = await exercise(
      place.organisationId,
      [{ name: "Urgences", people: times(4, (i) => ({ sent: i, ...(i === 0 ? { reported: 5 } : {}) })) }],
      { windowStartsOn: "2026-11-16" },
    );
    const earlier = await exercise(
      place.organisationId,
      [
        {
          name: "Urgences",
          people: times(4, (i) => ({ sent: i, ...(i < 3 ? { clicked: i + 1, module: i + 30 } : {}) })),
        },
      ],
      { windowStartsOn: "2026-11-02" },
    );
    await exercise(place.organisationId, [{ name: "Urgences", people: [{}] }], { launched: false });
    await exercise(other.organisationId, [{ name: "Urgences", people: [{ sent: 0 }] }]);

    const trend = await listExerciseTrend(testDb.db, { actor: place.manager, organisationId: place.organisationId });

    expect(
      trend.map((row) => [row.id, row.windowStartsOn, row.sent, row.clicks, row.reports, row.moduleCompleted]),
    ).toEqual([
      [earlier, "2026-11-02", 4, 3, 0, 3],
      [later, "2026-11-16", 4, 0, 1, 0],
    ]);
  });

  it("counts each exercise as its results page counts the total", async () => {
    const place = await establishment();
    const exerciseId = await exercise(place.organisationId, [
      {
        name: "Urgences",
        people: [
          { sent: 0, clicked: 5, module: 2 },
          { sent: 1, clicked: 3, module: 30 },
          { sent: 2, delivered: false },
          { sent: 3, reported: 4, module: 60 },
          { sent: 4, automatic: 2 },
          {},
        ],
      },
      { name: null, people: [{ sent: 5, module: -10 }] },
    ]);

    const [trend] = await listExerciseTrend(testDb.db, { actor: place.manager, organisationId: place.organisationId });
    const { total } = await getExerciseResults(testDb.db, {
      actor: place.manager,
      organisationId: place.organisationId,
      exerciseId,
    });

    expect(trend).toMatchObject({
      id: exerciseId,
      sent: total.sent,
      delivered: total.delivered,
      clicks: total.clicks,
      reports: total.reports,
      moduleCompleted: total.moduleCompleted,
    });
    expect([trend!.sent, trend!.delivered, trend!.clicks, trend!.reports, trend!.moduleCompleted]).toEqual([
      6, 5, 2, 1, 3,
    ]);
  });
});

describe("the end-to-end seed's exercise", () => {
  it("gives the figures the browser tests read, and seeding again changes nothing", async () => {
    const catalogue = loadCatalogue();
    await seedDemo(testDb.db);
    const establishments = await seedE2eEstablishments(testDb.db, catalogue);
    await seedE2ePhishing(testDb.db, catalogue, establishments);
    await seedE2ePhishing(testDb.db, catalogue, establishments);
    const manager = DEMO_ACCOUNTS.find((account) => account.role === "manager")!;
    const [user] = await testDb.db.select().from(users).where(eq(users.email, manager.email));
    const actor = (await signedInActor(testDb.db, user!.id))!;

    const { rows, total } = await getExerciseResults(testDb.db, {
      actor,
      organisationId: establishments.establishmentA,
      exerciseId: E2E_EXERCISE.ids.a,
    });

    expect(rows.map((row) => [row.group.kind === "service" ? row.group.name : row.group.kind, row.sent])).toEqual([
      ["Bloc opératoire (exercice e2e)", 6],
      ["Cuisine centrale (exercice e2e)", 7],
      ["merged", 5],
    ]);
    expect(total).toMatchObject({ sent: 18, delivered: 17, clicks: 4, reports: 3, moduleCompleted: 3 });
    const lines = (await csvText(actor, establishments.establishmentA, E2E_EXERCISE.ids.a)).split("\r\n");
    expect(lines.slice(1, 5)).toEqual([
      "Bloc opératoire (exercice e2e);6;6;1;2;33,3;1;16,7;45;2;33,3;1;50,0",
      "Cuisine centrale (exercice e2e);7;6;0;1;16,7;2;33,3;124;1;16,7;1;100,0",
      "Autres services (moins de 5 personnes);5;5;0;1;20,0;0;0,0;;0;0,0;0;0,0",
      "Ensemble de l'exercice;18;17;1;4;23,5;3;17,6;45;3;17,6;2;50,0",
    ]);
    const recipients = await testDb.db.select().from(phishingRecipients);
    expect(recipients.filter((r) => r.exerciseId === E2E_EXERCISE.ids.a)).toHaveLength(18);
    expect(recipients.filter((r) => r.exerciseId === E2E_EXERCISE.ids.b)).toHaveLength(1);
  });
});
