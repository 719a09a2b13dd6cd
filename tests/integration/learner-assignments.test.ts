import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue("tests/fixtures/courses");
const asOf = new Date("2026-11-02T12:00:00Z");
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

/** An establishment with two teams, a learner in each and one in none, and an assignment of each kind. */
async function establishmentWithAssignments() {
  const organisationId = (await createOrganisation(testDb.db)).id;
  const other = (await createOrganisation(testDb.db)).id;
  const [emergencies, reception] = await Promise.all([
    createTeam(testDb.db, { organisationId }),
    createTeam(testDb.db, { organisationId }),
  ]);
  const [inEmergencies, inReception, inNoTeam] = await Promise.all([
    createUser(testDb.db, { organisationId, teamId: emergencies.id }),
    createUser(testDb.db, { organisationId, teamId: reception.id }),
    createUser(testDb.db, { organisationId }),
  ]);
  const assign = (values: Partial<typeof assignments.$inferInsert>, dueOn: string) =>
    testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "module", subjectId: "demo-module", dueOn, ...values });
  await assign({}, "2026-12-01");
  await assign({ teamId: emergencies.id }, "2026-12-02");
  await assign({ teamId: reception.id }, "2026-12-03");
  await assign({ userId: inNoTeam.id, subjectId: "pool-module" }, "2026-12-04");
  await assign({ userId: inEmergencies.id, subjectId: "pool-module" }, "2026-12-05");
  await testDb.db
    .insert(assignments)
    .values({ organisationId: other, subjectType: "path", subjectId: "demo-path", dueOn: "2026-12-06" });

  return { organisationId, emergencies, reception, inEmergencies, inReception, inNoTeam };
}

describe("listLearnerAssignments", () => {
  it("lists the establishment's, the learner's team's and the learner's own assignments, never another team's, person's or establishment's", async () => {
    const place = await establishmentWithAssignments();
    const dueDates = async (userId: string, teamId: string | null) =>
      (
        await listLearnerAssignments(testDb.db, {
          organisationId: place.organisationId,
          userId,
          teamId,
          catalogue,
          progress: new Map(),
          asOf,
        })
      ).map((a) => a.dueOn);

    expect(await dueDates(place.inEmergencies.id, place.emergencies.id)).toEqual([
      "2026-12-01",
      "2026-12-02",
      "2026-12-05",
    ]);
    expect(await dueDates(place.inNoTeam.id, null)).toEqual(["2026-12-01", "2026-12-04"]);
    // The same prepared statement again, with a team and then without one.
    expect(await dueDates(place.inReception.id, place.reception.id)).toEqual(["2026-12-01", "2026-12-03"]);
    expect(await dueDates(place.inReception.id, null)).toEqual(["2026-12-01"]);
  });
});
