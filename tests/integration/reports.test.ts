import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, learningEvents, moduleProgress, organisations } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { establishmentSizes, seedScale } from "@/db/seed/scale";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { assignmentCycle } from "@/lib/assignments/assignment-cycle";
import { parisMonths } from "@/lib/calendar/paris-months";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { getLearnerDetail } from "@/lib/reports/get-learner-detail";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { learnersCsv } from "@/lib/reports/learners-csv";
import { listLearners } from "@/lib/reports/list-learners";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { mostMissedQuestions } from "@/lib/reports/most-missed-questions";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue();
const path = catalogue.pathById.get("bonnes-pratiques")!;
const asOf = new Date("2026-11-30T10:00:00Z");
let testDb: TestDb;
let hospitalA: string;
let hospitalB: string;
let teamA1: string;
let teamA2: string;

async function actorFor(organisationId: string, role: "learner" | "manager") {
  const user = await createUser(testDb.db, { organisationId, role });

  return (await loadActor(testDb.db, user.id))!;
}

/** A progress row as the player would leave it; completedAt null: started, not finished. */
async function progress(
  userId: string,
  organisationId: string,
  moduleId: string,
  completedAt: string | null,
  lastActivityAt = completedAt ?? "2026-10-01T08:00:00Z",
) {
  await testDb.db.insert(moduleProgress).values({
    userId,
    moduleId,
    organisationId,
    moduleVersion: 1,
    timeSpentSeconds: 300,
    bestScore: completedAt ? 80 : null,
    completedAt: completedAt ? new Date(completedAt) : null,
    completedVersion: completedAt ? 1 : null,
    startedAt: new Date("2026-09-01T08:00:00Z"),
    lastActivityAt: new Date(lastActivityAt),
  });
}

async function assign(
  organisationId: string,
  values: {
    subjectType: "module" | "path";
    subjectId: string;
    dueOn: string;
    teamId?: string | null;
    renewYearly?: boolean;
  },
) {
  const [row] = await testDb.db
    .insert(assignments)
    .values({
      organisationId,
      teamId: values.teamId ?? null,
      subjectType: values.subjectType,
      subjectId: values.subjectId,
      dueOn: values.dueOn,
      renewYearly: values.renewYearly ?? false,
    })
    .returning();

  return row!;
}

const filters = (query: Record<string, string> = {}) => learnerFiltersSchema.parse(query);

async function statusesOf(organisationId: string, query: Record<string, string> = {}) {
  const { rows } = await listLearners(testDb.db, { organisationId, catalogue, asOf, filters: filters(query) });

  return Object.fromEntries(rows.map((row) => [row.name, row.status]));
}

beforeAll(async () => {
  testDb = await createTestDb();
  const centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospitalA = (await createOrganisation(testDb.db, { parentId: centre })).id;
  hospitalB = (await createOrganisation(testDb.db, { parentId: centre })).id;
  teamA1 = (await createTeam(testDb.db, { organisationId: hospitalA, name: "Urgences" })).id;
  teamA2 = (await createTeam(testDb.db, { organisationId: hospitalA, name: "Admissions" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("assignmentCycle", () => {
  it("keeps the due date and counts any completion without renewal", () => {
    expect(assignmentCycle({ dueOn: "2026-11-29", renewYearly: false }, asOf)).toEqual({
      dueOn: "2026-11-29",
      doneSince: null,
      lateUnlessSince: null,
      isPastDue: true,
    });
    expect(assignmentCycle({ dueOn: "2026-11-30", renewYearly: false }, asOf).isPastDue).toBe(false);
  });

  it("moves a renewed assignment to the next anniversary and counts completions of the 12 months before it", () => {
    expect(assignmentCycle({ dueOn: "2027-01-15", renewYearly: true }, asOf)).toMatchObject({
      dueOn: "2027-01-15",
      isPastDue: false,
      doneSince: new Date("2026-01-16T00:00:00Z"),
    });
    expect(assignmentCycle({ dueOn: "2025-01-15", renewYearly: true }, asOf)).toEqual({
      dueOn: "2027-01-15",
      isPastDue: true,
      doneSince: new Date("2026-01-16T00:00:00Z"),
      lateUnlessSince: new Date("2025-01-16T00:00:00Z"),
    });
  });
});

describe("learner status", () => {
  it("says done, late, in progress or not started for a module due yesterday, and done only when every module of a path is", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const make = (name: string) => createUser(testDb.db, { organisationId, name });
    const [done, late, started, path4, path5] = await Promise.all([
      make("A done"),
      make("B late"),
      make("C started"),
      make("D four of five"),
      make("E all five"),
    ]);
    await assign(organisationId, { subjectType: "module", subjectId: "cles-usb", dueOn: "2026-11-29" });
    const pathAssignment = await assign(organisationId, {
      subjectType: "path",
      subjectId: path.id,
      dueOn: "2027-01-15",
    });
    await progress(done.id, organisationId, "cles-usb", "2026-11-20T09:00:00Z");
    await progress(started.id, organisationId, "cles-usb", null);
    for (const [i, moduleId] of path.moduleIds.entries()) {
      await progress(path5.id, organisationId, moduleId, "2026-11-10T09:00:00Z");
      if (i < 4 && moduleId !== "cles-usb") await progress(path4.id, organisationId, moduleId, "2026-11-10T09:00:00Z");
    }
    await progress(path4.id, organisationId, "cles-usb", "2026-11-10T09:00:00Z");

    expect(await statusesOf(organisationId)).toEqual({
      "A done": "in_progress",
      "B late": "late",
      "C started": "late",
      "D four of five": "in_progress",
      "E all five": "done",
    });
    expect(await statusesOf(organisationId, { affectation: pathAssignment.id })).toEqual({
      "A done": "in_progress",
      "B late": "not_started",
      "C started": "in_progress",
      "D four of five": "in_progress",
      "E all five": "done",
    });
    void late;
  });

  it("with yearly renewal, counts a completion for 12 months and is late only after missing a whole cycle", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const make = (name: string) => createUser(testDb.db, { organisationId, name });
    const [recent, lastCycle, twoCyclesAgo, never] = await Promise.all([
      make("A recent"),
      make("B last cycle"),
      make("C two cycles ago"),
      make("D never"),
    ]);
    // Due every 15 January since 2025: the current cycle ends 2027-01-15 and counts completions from 2026-01-16.
    await assign(organisationId, {
      subjectType: "module",
      subjectId: "cles-usb",
      dueOn: "2025-01-15",
      renewYearly: true,
    });
    await progress(recent.id, organisationId, "cles-usb", "2026-03-01T09:00:00Z");
    await progress(lastCycle.id, organisationId, "cles-usb", "2025-06-01T09:00:00Z");
    await progress(twoCyclesAgo.id, organisationId, "cles-usb", "2024-12-01T09:00:00Z");

    expect(await statusesOf(organisationId)).toEqual({
      "A recent": "done",
      "B last cycle": "not_started",
      "C two cycles ago": "late",
      "D never": "late",
    });
    void never;
  });
});

describe("getDashboard", () => {
  it("gives the figures counted independently from the raw rows", async () => {
    const assignmentRows = [
      await assign(hospitalA, { subjectType: "module", subjectId: "hameconnage", dueOn: "2026-10-01" }),
      await assign(hospitalA, { subjectType: "module", subjectId: "cles-usb", dueOn: "2027-03-01", teamId: teamA1 }),
    ];
    const learners = [];
    for (let i = 0; i < 12; i++) {
      const teamId = [teamA1, teamA2, null][i % 3]!;
      const user = await createUser(testDb.db, {
        organisationId: hospitalA,
        teamId,
        name: `Agent ${String(i).padStart(2, "0")}`,
      });
      learners.push({ id: user.id, teamId });
      if (i % 4 === 1)
        await progress(user.id, hospitalA, "hameconnage", `2026-${String((i % 9) + 1).padStart(2, "0")}-15T09:00:00Z`);
      if (i % 4 === 2) await progress(user.id, hospitalA, "hameconnage", null);
      if (i % 2 === 0) await progress(user.id, hospitalA, "cles-usb", i % 6 === 0 ? "2026-11-02T09:00:00Z" : null);
    }
    // Someone of establishment B, with progress: never counted in A.
    const outsider = await createUser(testDb.db, { organisationId: hospitalB });
    await progress(outsider.id, hospitalB, "hameconnage", "2026-11-01T09:00:00Z");

    const rows = await testDb.db.select().from(moduleProgress).where(eq(moduleProgress.organisationId, hospitalA));
    const expected = { late: 0, not_started: 0, in_progress: 0, done: 0 };
    for (const learner of learners) {
      for (const a of assignmentRows) {
        if (a.teamId && a.teamId !== learner.teamId) continue;
        const row = rows.find((r) => r.userId === learner.id && r.moduleId === a.subjectId);
        const status = row?.completedAt
          ? "done"
          : a.dueOn < "2026-11-30"
            ? "late"
            : row
              ? "in_progress"
              : "not_started";
        expected[status]++;
      }
    }
    const completions = rows.filter((r) => r.completedAt).length;

    const dashboard = await getDashboard(testDb.db, {
      organisationId: hospitalA,
      catalogue,
      asOf,
      teams: [
        { id: teamA1, name: "Urgences" },
        { id: teamA2, name: "Admissions" },
      ],
    });

    expect(dashboard.assignmentCounts).toEqual(expected);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(dashboard.completionRate).toBeCloseTo(expected.done / total);
    expect(dashboard.trend.reduce((sum, m) => sum + m.completions, 0)).toBe(completions);
    expect(dashboard.bySubject.find((s) => s.label === catalogue.moduleById.get("cles-usb")!.title)!.total).toBe(4);
    const urgences = dashboard.byTeam.find((t) => t.label === "Urgences")!;
    expect(urgences.total).toBe(8);
    expect(
      dashboard.learnerCounts.late +
        dashboard.learnerCounts.done +
        dashboard.learnerCounts.in_progress +
        dashboard.learnerCounts.not_started,
    ).toBe(12);
  });
});

describe("establishment scope", () => {
  it("gives a manager of B not_found for anything of A, and changes nothing", async () => {
    const managerB = await actorFor(hospitalB, "manager");
    const learnerA = await actorFor(hospitalA, "learner");
    const aAssignment = await assign(hospitalA, { subjectType: "path", subjectId: path.id, dueOn: "2027-01-15" });
    const before = await testDb.db.select().from(assignments);
    const create = (actor: typeof managerB, organisationId: string, teamId: string | null = null) =>
      createAssignment(testDb.db, {
        actor,
        organisationId,
        teamId,
        subjectType: "path",
        subjectId: path.id,
        dueOn: "2027-01-15",
        renewYearly: false,
        catalogue,
      });

    await expect(requireManagedEstablishment(testDb.db, managerB, hospitalA)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(requireManagedEstablishment(testDb.db, learnerA, undefined)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(create(managerB, hospitalA)).rejects.toMatchObject({ code: "not_found" });
    await expect(create(managerB, hospitalB, teamA1)).rejects.toMatchObject({ code: "not_found" });
    await expect(create(learnerA, hospitalA)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteAssignment(testDb.db, { actor: managerB, assignmentId: aAssignment.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteAssignment(testDb.db, { actor: learnerA, assignmentId: aAssignment.id })).rejects.toMatchObject({
      code: "not_found",
    });

    await expect(
      getLearnerDetail(testDb.db, { organisationId: hospitalB, userId: learnerA.userId, catalogue, asOf }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getLearnerDetail(testDb.db, { organisationId: hospitalA, userId: "pas-un-uuid", catalogue, asOf }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      (await getLearnerDetail(testDb.db, { organisationId: hospitalA, userId: learnerA.userId, catalogue, asOf }))
        .learner.id,
    ).toBe(learnerA.userId);
    expect(await testDb.db.select().from(assignments)).toEqual(before);
    const managerA = await actorFor(hospitalA, "manager");
    await deleteAssignment(testDb.db, { actor: managerA, assignmentId: aAssignment.id });
    expect(await testDb.db.select().from(assignments).where(eq(assignments.id, aAssignment.id))).toEqual([]);
  });
});

describe("learnersCsv", () => {
  it("writes a BOM, French headers, ';' cells with quotes doubled, dd/mm/yyyy dates and neutralised formulas", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    await assign(organisationId, { subjectType: "module", subjectId: "cles-usb", dueOn: "2026-12-31" });
    const formula = await createUser(testDb.db, {
      organisationId,
      name: '=HYPERLINK("http://x";"clic")',
      email: "formule@vigie.test",
    });
    await createUser(testDb.db, { organisationId, name: 'Dupont; Jean "Jo"', email: "-dupont@vigie.test" });
    await createUser(testDb.db, { organisationId, name: "\tTab", email: "+tab@vigie.test" });
    await createUser(testDb.db, { organisationId, name: "Élodie Ñúñez", email: "@elodie@vigie.test" });
    await progress(formula.id, organisationId, "cles-usb", "2026-11-05T23:30:00Z");

    let text = "";
    for await (const chunk of learnersCsv(testDb.db, { organisationId, catalogue, asOf, filters: filters() }))
      text += chunk;

    expect(
      text.startsWith(
        "\uFEFFNom;E-mail;Équipe;Statut;Affectations terminées;Affectations;Modules terminés;Dernière activité;Temps passé (minutes)\r\n",
      ),
    ).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toContain(`"'=HYPERLINK(""http://x"";""clic"")";formule@vigie.test;;Terminé;1;1;1;06/11/2026;5`);
    expect(lines).toContain(`"Dupont; Jean ""Jo""";'-dupont@vigie.test;;Non commencé;0;1;0;;0`);
    expect(lines).toContain(`'\tTab;'+tab@vigie.test;;Non commencé;0;1;0;;0`);
    expect(lines).toContain(`Élodie Ñúñez;'@elodie@vigie.test;;Non commencé;0;1;0;;0`);
    expect(lines).toHaveLength(6);
  });

  it("gives every learner once, in name order, when the export goes in several batches and is filtered", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const assignment = await assign(organisationId, {
      subjectType: "module",
      subjectId: "cles-usb",
      dueOn: "2026-01-31",
    });
    for (const name of ["Émile", "anne", "Bruno", "Zoé", "Chloé", "Denis", "Anne"])
      await createUser(testDb.db, { organisationId, name });
    const done = await createUser(testDb.db, { organisationId, name: "Fanny" });
    await progress(done.id, organisationId, "cles-usb", "2026-01-05T09:00:00Z");

    const read = async (query: Record<string, string>) => {
      let text = "";
      for await (const chunk of learnersCsv(testDb.db, {
        organisationId,
        catalogue,
        asOf,
        filters: filters(query),
        batchSize: 3,
      }))
        text += chunk;
      return text
        .slice(1)
        .split("\r\n")
        .slice(1, -1)
        .map((line) => line.split(";")[0]);
    };
    const { rows } = await listLearners(testDb.db, { organisationId, catalogue, asOf, filters: filters() });

    expect(await read({})).toEqual(rows.map((row) => row.name));
    expect((await read({})).toSorted()).toEqual(
      ["Anne", "Bruno", "Chloé", "Denis", "Fanny", "Zoé", "anne", "Émile"].toSorted(),
    );
    expect(await read({ statut: "late" })).toHaveLength(7);
    expect(await read({ affectation: assignment.id, statut: "done" })).toEqual(["Fanny"]);
    expect(await read({ q: "ANNE" })).toHaveLength(2);
  });
});

describe("the dashboard's months", () => {
  it("are Paris months, as the region view's: a completion at 00:30 in Paris on the 1st belongs to that month", async () => {
    const centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const clinic = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const learner = await createUser(testDb.db, { organisationId: clinic });
    // 31 October 23:30 UTC is 1 November 00:30 in Paris (+01:00); 30 November 23:30 UTC, 1 December.
    await progress(learner.id, clinic, "cles-usb", "2026-10-31T23:30:00Z");
    await progress(learner.id, clinic, "session-ouverte", "2026-11-30T23:30:00Z");
    const atMidnightInParis = new Date("2026-11-30T23:45:00Z");

    const dashboard = await getDashboard(testDb.db, {
      organisationId: clinic,
      catalogue,
      asOf: atMidnightInParis,
      teams: [],
    });

    expect(dashboard.trend.map((m) => m.month)).toEqual(parisMonths(atMidnightInParis));
    expect(dashboard.trend.at(-1)).toEqual({ month: "2026-12", completions: 1 });
    expect(dashboard.trend.find((m) => m.month === "2026-11")!.completions).toBe(1);
    expect(dashboard.trend.find((m) => m.month === "2026-10")!.completions).toBe(0);
  });
});

describe("seedScale", () => {
  it("makes establishments of 50 to 8,000 learners adding up to the number asked for, once", async () => {
    expect(establishmentSizes(41_500).reduce((a, b) => a + b, 0)).toBe(41_500);
    expect(Math.max(...establishmentSizes(41_500))).toBe(8_000);
    expect(Math.min(...establishmentSizes(41_500))).toBeGreaterThanOrEqual(50);

    expect(await seedScale(testDb.db, { learners: 400, catalogue, now: asOf })).toMatchObject({
      learners: 400,
      skipped: false,
    });
    expect(await seedScale(testDb.db, { learners: 400, catalogue, now: asOf })).toMatchObject({ skipped: true });
    const [largest] = await testDb.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, "scale-1"));
    const dashboard = await getDashboard(testDb.db, { organisationId: largest!.id, catalogue, asOf, teams: [] });
    expect(
      dashboard.learnerCounts.late +
        dashboard.learnerCounts.done +
        dashboard.learnerCounts.in_progress +
        dashboard.learnerCounts.not_started,
    ).toBe(400);
    expect(dashboard.assignmentCounts.done).toBeGreaterThan(0);
    expect(dashboard.trend.some((month) => month.completions > 0)).toBe(true);

    const missed = await mostMissedQuestions(testDb.db, { organisationId: largest!.id, catalogue, asOf, limit: 3 });
    const events = await testDb.db.select().from(learningEvents).where(eq(learningEvents.organisationId, largest!.id));
    const answers = events
      .filter((e) => e.moduleId === missed[0]!.moduleId && e.occurredAt >= new Date(asOf.getTime() - 365 * 86_400_000))
      .flatMap((e) => (e.payload.result as { questions: { questionId: string; correct: boolean }[] }).questions)
      .filter((q) => q.questionId === missed[0]!.questionId);
    expect(missed[0]).toMatchObject({ answers: answers.length, wrong: answers.filter((q) => !q.correct).length });
    expect(missed.map((q) => q.wrongRate)).toEqual(missed.map((q) => q.wrongRate).toSorted((a, b) => b - a));
  });
});
