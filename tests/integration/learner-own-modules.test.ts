import { and, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, certificates, moduleProgress } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { getLearnerDetail } from "@/lib/reports/get-learner-detail";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { learnersCsv } from "@/lib/reports/learners-csv";
import { listLearners } from "@/lib/reports/list-learners";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue();
const asOf = new Date("2026-11-30T10:00:00Z");
let testDb: TestDb;

async function progress(userId: string, organisationId: string, moduleId: string, completedAt: string | null) {
  await testDb.db.insert(moduleProgress).values({
    userId,
    moduleId,
    organisationId,
    moduleVersion: 1,
    timeSpentSeconds: 420,
    bestScore: completedAt ? 90 : null,
    completedAt: completedAt ? new Date(completedAt) : null,
    completedVersion: completedAt ? 1 : null,
    startedAt: new Date("2026-10-01T08:00:00Z"),
    lastActivityAt: new Date(completedAt ?? "2026-10-02T08:00:00Z"),
  });
}

async function certificate(userId: string, organisationId: string, moduleId: string, completedAt: string) {
  const [row] = await testDb.db
    .insert(certificates)
    .values({
      code: `TEST${uniqueSuffix()}`.toUpperCase(),
      userId,
      organisationId,
      subjectType: "module",
      subjectId: moduleId,
      subjectVersion: 1,
      learnerName: "x",
      subjectTitle: "x",
      organisationName: "x",
      durationMinutes: 7,
      completedAt: new Date(completedAt),
    })
    .returning();

  return row!;
}

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("modules a learner completed outside any assignment", () => {
  it("appear in the learner list's count, the CSV and the learner's page, with completion date and certificate, beside the assignment-based status", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const other = (await createOrganisation(testDb.db)).id;
    const solo = await createUser(testDb.db, {
      organisationId,
      name: "Alice Seule",
      email: `alice-${uniqueSuffix()}@vigie.test`,
    });
    const assigned = await createUser(testDb.db, { organisationId, name: "Bruno Affecté" });
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "module", subjectId: "deplacements", dueOn: "2026-12-31" });
    await progress(solo.id, organisationId, "cles-usb", "2026-11-05T09:00:00Z");
    await progress(solo.id, organisationId, "session-ouverte", null);
    await progress(assigned.id, organisationId, "cles-usb", "2026-11-06T09:00:00Z");
    await progress(assigned.id, organisationId, "hameconnage", "2026-11-07T09:00:00Z");
    const soloCertificate = await certificate(solo.id, organisationId, "cles-usb", "2026-11-05T09:00:00Z");
    // Done in another establishment: not this one's to show or count.
    await testDb.db
      .insert(assignments)
      .values({ organisationId: other, subjectType: "module", subjectId: "mots-de-passe", dueOn: "2026-12-31" });

    const { rows } = await listLearners(testDb.db, {
      organisationId,
      catalogue,
      asOf,
      filters: learnerFiltersSchema.parse({}),
    });
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    // The assignment-based status is kept: the one assignment (déplacements) is still to do for both.
    expect(byName["Alice Seule"]).toMatchObject({
      status: "not_started",
      assignedCount: 1,
      doneCount: 0,
      completedModules: 1,
    });
    expect(byName["Bruno Affecté"]).toMatchObject({
      status: "not_started",
      assignedCount: 1,
      doneCount: 0,
      completedModules: 2,
    });

    let text = "";
    for await (const chunk of learnersCsv(testDb.db, {
      organisationId,
      catalogue,
      asOf,
      filters: learnerFiltersSchema.parse({}),
    }))
      text += chunk;
    expect(text).toContain(`Alice Seule;${solo.email};;Non commencé;0;1;1;05/11/2026;14`);

    const detail = await getLearnerDetail(testDb.db, { organisationId, userId: solo.id, catalogue, asOf });
    expect(
      detail.modules.map((m) => [
        m.moduleId,
        m.isAssigned,
        m.completedAt?.toISOString() ?? null,
        m.certificate?.code ?? null,
      ]),
    ).toEqual([
      ["cles-usb", false, "2026-11-05T09:00:00.000Z", soloCertificate.code],
      ["session-ouverte", false, null, null],
    ]);
    const bruno = await getLearnerDetail(testDb.db, { organisationId, userId: assigned.id, catalogue, asOf });
    expect(bruno.modules.map((m) => [m.moduleId, m.isAssigned])).toEqual([
      ["cles-usb", false],
      ["hameconnage", false],
    ]);

    // One count for the list and the read model: every completed module's progress row, no more.
    const [completedRows] = await testDb.db
      .select({ n: count() })
      .from(moduleProgress)
      .where(and(eq(moduleProgress.organisationId, organisationId), isNotNull(moduleProgress.completedAt)));
    expect(rows.reduce((sum, row) => sum + row.completedModules, 0)).toBe(completedRows!.n);
  });

  it("counts a learner with no assignment at all as having none, and still shows what they completed", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const solo = await createUser(testDb.db, { organisationId, name: "Chloé Libre" });
    await progress(solo.id, organisationId, "cles-usb", "2026-11-05T09:00:00Z");
    await progress(solo.id, organisationId, "deplacements", "2026-11-08T09:00:00Z");

    const { rows } = await listLearners(testDb.db, {
      organisationId,
      catalogue,
      asOf,
      filters: learnerFiltersSchema.parse({}),
    });
    expect(rows).toEqual([
      expect.objectContaining({
        name: "Chloé Libre",
        status: null,
        assignedCount: 0,
        doneCount: 0,
        completedModules: 2,
      }),
    ]);
    const detail = await getLearnerDetail(testDb.db, { organisationId, userId: solo.id, catalogue, asOf });
    expect(detail.assignments).toEqual([]);
    expect(detail.modules.filter((m) => m.completedAt).map((m) => m.moduleId)).toEqual(["cles-usb", "deplacements"]);
  });
});
