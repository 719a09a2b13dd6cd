import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, moduleProgress } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { assignmentCycle } from "@/lib/assignments/assignment-cycle";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { listLearners } from "@/lib/reports/list-learners";
import { type LearnerStatus, assignmentStatus, overallStatus } from "@/lib/assignments/assignment-status";
import { type TestDb, createTestDb } from "../support/db";
import { seededRandom } from "../support/seeded-random";

const catalogue = loadCatalogue();
const path = catalogue.pathById.get("bonnes-pratiques")!;
const asOf = new Date("2026-11-30T10:00:00Z");
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("learner statuses in SQL and in TypeScript", () => {
  it.each([1, 2, 3])("agree on random establishments, teams, renewals and retakes (seed %i)", async (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]!;
    const day = (offsetDays: number) => new Date(asOf.getTime() + offsetDays * 86_400_000);
    const organisationId = (await createOrganisation(testDb.db)).id;
    const teams = [
      (await createTeam(testDb.db, { organisationId })).id,
      (await createTeam(testDb.db, { organisationId })).id,
      null,
    ];
    const assigned = [];
    for (let i = 0; i < 4; i++) {
      const isPath = rand() < 0.4;
      const [row] = await testDb.db
        .insert(assignments)
        .values({
          organisationId,
          teamId: pick(teams),
          subjectType: isPath ? "path" : "module",
          subjectId: isPath ? path.id : pick(path.moduleIds),
          dueOn: day(Math.floor(rand() * 1200) - 900)
            .toISOString()
            .slice(0, 10),
          renewYearly: rand() < 0.5,
        })
        .returning();
      assigned.push(row!);
    }
    const learners = [];
    for (let i = 0; i < 25; i++) {
      const teamId = pick(teams);
      const user = await createUser(testDb.db, {
        organisationId,
        teamId,
        name: `Agent ${seed}-${String(i).padStart(2, "0")}`,
      });
      const rows = [];
      for (const moduleId of path.moduleIds) {
        if (rand() < 0.35) continue;
        const first = day(-Math.floor(rand() * 900));
        const completed = rand() < 0.7;
        const last =
          completed && rand() < 0.4
            ? new Date(Math.min(asOf.getTime(), first.getTime() + Math.floor(rand() * 500) * 86_400_000))
            : first;
        const row = {
          userId: user.id,
          moduleId,
          organisationId,
          moduleVersion: 1,
          completedAt: completed ? first : null,
          lastCompletedAt: completed ? last : null,
          lastActivityAt: new Date(
            Math.min(asOf.getTime(), last.getTime() + (rand() < 0.3 ? Math.floor(rand() * 200) : 0) * 86_400_000),
          ),
          startedAt: first,
        };
        rows.push(row);
      }
      if (rows.length > 0) await testDb.db.insert(moduleProgress).values(rows);
      learners.push({ id: user.id, teamId, rows });
    }

    // The rules of lib/assignments/assignment-status.ts, learner by learner.
    const expected = new Map<string, { status: LearnerStatus | null; assigned: number; done: number }>();
    const pairs: Record<LearnerStatus, number> = { late: 0, not_started: 0, in_progress: 0, done: 0 };
    for (const learner of learners) {
      const statuses = assigned
        .filter((a) => !a.teamId || a.teamId === learner.teamId)
        .map((a) => {
          const moduleIds = a.subjectType === "path" ? path.moduleIds : [a.subjectId];
          return assignmentStatus(
            assignmentCycle(a, asOf),
            moduleIds.length,
            learner.rows.filter((r) => moduleIds.includes(r.moduleId)),
          );
        });
      for (const status of statuses) pairs[status]++;
      expected.set(learner.id, {
        status: overallStatus(statuses),
        assigned: statuses.length,
        done: statuses.filter((s) => s === "done").length,
      });
    }

    const { rows } = await listLearners(testDb.db, {
      organisationId,
      catalogue,
      asOf,
      filters: learnerFiltersSchema.parse({}),
    });
    expect(
      new Map(
        rows.map((row) => [row.userId, { status: row.status, assigned: row.assignedCount, done: row.doneCount }]),
      ),
    ).toEqual(expected);
    const dashboard = await getDashboard(testDb.db, { organisationId, catalogue, asOf, teams: [] });
    expect(dashboard.assignmentCounts).toEqual(pairs);
  });
});

describe("listLearners paged by name or e-mail", () => {
  it("gives the same learners, statuses and figures as the full computation, page by page", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "path", subjectId: path.id, dueOn: "2026-06-01", renewYearly: true });
    for (let i = 0; i < 60; i++) {
      const user = await createUser(testDb.db, { organisationId, name: `Agent ${String(i).padStart(2, "0")}` });
      if (i % 3 > 0)
        await testDb.db.insert(moduleProgress).values({
          userId: user.id,
          moduleId: path.moduleIds[i % path.moduleIds.length]!,
          organisationId,
          moduleVersion: 1,
          completedAt: i % 3 === 1 ? new Date("2026-10-01T08:00:00Z") : null,
          lastActivityAt: new Date("2026-10-02T08:00:00Z"),
          timeSpentSeconds: 60 * i,
        });
    }
    const list = (query: Record<string, string>) =>
      listLearners(testDb.db, { organisationId, catalogue, asOf, filters: learnerFiltersSchema.parse(query) });
    // Sorted by status, every learner's figures are computed before paging: the reference.
    const reference = [...(await list({ tri: "status" })).rows, ...(await list({ tri: "status", page: "2" })).rows];
    const byId = new Map(reference.map((row) => [row.userId, row]));

    for (const ordre of ["asc", "desc"]) {
      const first = await list({ tri: "name", ordre });
      const second = await list({ tri: "name", ordre, page: "2" });
      const names = [...first.rows, ...second.rows].map((row) => row.name);
      expect(first.total).toBe(60);
      expect(first.pageCount).toBe(2);
      expect(names).toEqual([...names].sort((a, b) => (ordre === "asc" ? a.localeCompare(b) : b.localeCompare(a))));
      expect([...first.rows, ...second.rows].map((row) => byId.get(row.userId))).toEqual([
        ...first.rows,
        ...second.rows,
      ]);
    }
    const byEmail = [...(await list({ tri: "email" })).rows, ...(await list({ tri: "email", page: "2" })).rows];
    expect(new Set(byEmail.map((row) => row.userId)).size).toBe(60);
    expect((await list({ q: "Agent 1" })).total).toBe(10);
  });
});
