import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { getModuleProgress, listLearnerProgress } from "@/lib/progress/queries";
import { recordEvents } from "@/lib/progress/record-events";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { listLearners } from "@/lib/reports/list-learners";
import { cleanPass, quizSubmitted, stepViewed } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue("tests/fixtures/courses");
// Due every 15 January since 2025: on 30 November 2026 the cycle ends 2027-01-15 and counts completions from 2026-01-16.
const asOf = new Date("2026-11-30T10:00:00Z");
const firstPass = new Date("2025-06-02T08:00:00Z");
const retakeAt = new Date("2026-03-10T08:00:00Z");
// The server receives the first pass 4 hours after it began and the retake an hour after: the
// completion dates are those receptions, not the times the browser claims.
const firstReceived = new Date(firstPass.getTime() + 4 * 3_600_000);
const retakeReceived = new Date(retakeAt.getTime() + 3_600_000);
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

async function establishment(renewYearly: boolean) {
  const organisationId = (await createOrganisation(testDb.db)).id;
  await testDb.db
    .insert(assignments)
    .values({ organisationId, subjectType: "module", subjectId: "demo-module", dueOn: "2025-01-15", renewYearly });

  return organisationId;
}

async function learnerIn(organisationId: string, name: string) {
  const user = await createUser(testDb.db, { organisationId, name });
  const learner = { userId: user.id, organisationId };
  await recordEvents(testDb.db, { learner, events: cleanPass(user.id, firstPass), catalogue, now: firstReceived });

  return learner;
}

const minute = (at: Date, n: number) => ({ at: new Date(at.getTime() + n * 60_000) });

/** Takes the module again: walks through it and, when asked, passes the quiz again. */
async function retake(learner: { userId: string; organisationId: string }, passQuiz: boolean) {
  const common = (n: number) => ({ learnerId: learner.userId, ...minute(retakeAt, n) });
  const events = [
    stepViewed(common(0), "lecon"),
    stepViewed(common(1), "situation"),
    stepViewed(common(2), "quiz"),
    stepViewed(common(4), "a-retenir"),
  ];
  if (passQuiz) events.push(quizSubmitted(common(3), "quiz", { simple: ["a"], plusieurs: ["a", "b"] }));
  await recordEvents(testDb.db, { learner, events, catalogue, now: retakeReceived });
}

/** The status by the TypeScript rules (the learner's page) and by the SQL (the manager's list), which must agree. */
async function statuses(organisationId: string, userId: string) {
  const progress = await listLearnerProgress(testDb.db, userId);
  const [own] = await listLearnerAssignments(testDb.db, {
    organisationId,
    userId,
    teamId: null,
    catalogue,
    progress,
    asOf,
  });
  const { rows } = await listLearners(testDb.db, {
    organisationId,
    catalogue,
    asOf,
    filters: learnerFiltersSchema.parse({}),
  });

  return { ts: own!.status, sql: rows.find((row) => row.userId === userId)!.status };
}

describe("yearly renewal", () => {
  it("counts a module taken again with its quiz passed for the new cycle, keeping the first completion", async () => {
    const organisationId = await establishment(true);
    const learner = await learnerIn(organisationId, "Françoise Lefèvre-Nguyễn");
    expect(await statuses(organisationId, learner.userId)).toEqual({ ts: "not_started", sql: "not_started" });

    await retake(learner, true);
    const row = (await getModuleProgress(testDb.db, learner.userId, "demo-module"))!;

    expect(row.completedAt).toEqual(firstReceived);
    expect(row.lastCompletedAt).toEqual(retakeReceived);
    expect(await statuses(organisationId, learner.userId)).toEqual({ ts: "done", sql: "done" });
  });

  it("does not renew a module walked through again without passing its quiz", async () => {
    const organisationId = await establishment(true);
    const learner = await learnerIn(organisationId, "Karim Benali");
    await retake(learner, false);

    expect((await getModuleProgress(testDb.db, learner.userId, "demo-module"))!.lastCompletedAt).toEqual(firstReceived);
    expect(await statuses(organisationId, learner.userId)).toEqual({ ts: "in_progress", sql: "in_progress" });
  });
});

describe("certificates and yearly renewal", () => {
  it("issues one more certificate, dated by the completion, for a later cycle, and keeps the first", async () => {
    const organisationId = await establishment(true);
    const learner = await learnerIn(organisationId, "Zoë Œuvray");
    const first = await issueCertificates(testDb.db, { learner, catalogue });
    expect(first.map((c) => [c.subjectType, c.completedAt])).toEqual([
      ["module", firstReceived],
      ["path", firstReceived],
    ]);

    await retake(learner, true);
    const [a, b] = await Promise.all([
      issueCertificates(testDb.db, { learner, catalogue }),
      issueCertificates(testDb.db, { learner, catalogue }),
    ]);
    const again = await issueCertificates(testDb.db, { learner, catalogue });
    const modules = again.filter((c) => c.subjectType === "module");

    expect(modules.map((c) => c.completedAt)).toEqual([retakeReceived, firstReceived]);
    expect(modules[1]!.code).toBe(first.find((c) => c.subjectType === "module")!.code);
    // The path assignment does not renew: only its first certificate.
    expect(again.filter((c) => c.subjectType === "path")).toHaveLength(1);
    expect(a.map((c) => c.code).sort()).toEqual(again.map((c) => c.code).sort());
    expect(b.map((c) => c.code).sort()).toEqual(again.map((c) => c.code).sort());
  });

  it("issues no second certificate within the same cycle, nor without a yearly renewal", async () => {
    const renewed = await establishment(true);
    const sameCycle = await learnerIn(renewed, "Agent même cycle");
    await issueCertificates(testDb.db, { learner: sameCycle, catalogue });
    // Passed again on 16 June 2025, still in the cycle ending 15 January 2026.
    await recordEvents(testDb.db, {
      learner: sameCycle,
      events: [
        quizSubmitted({ learnerId: sameCycle.userId, at: new Date("2025-06-16T08:00:00Z") }, "quiz", {
          simple: ["a"],
          plusieurs: ["a", "b"],
        }),
      ],
      catalogue,
      now: new Date("2025-06-16T09:00:00Z"),
    });
    expect(
      (await issueCertificates(testDb.db, { learner: sameCycle, catalogue })).filter((c) => c.subjectType === "module"),
    ).toHaveLength(1);

    const once = await establishment(false);
    const learner = await learnerIn(once, "Agent sans renouvellement");
    await issueCertificates(testDb.db, { learner, catalogue });
    await retake(learner, true);
    expect(
      (await issueCertificates(testDb.db, { learner, catalogue })).filter((c) => c.subjectType === "module"),
    ).toHaveLength(1);
  });
});
