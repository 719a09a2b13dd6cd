import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moduleProgress, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { signedInActor } from "../support/signed-in-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { setAccountActive } from "@/lib/organisations/set-account-active";
import { recordEvents } from "@/lib/progress/record-events";
import { cleanPass } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;
let hospitalA: string;
let hospitalB: string;

beforeAll(async () => {
  testDb = await createTestDb();
  hospitalA = (await createOrganisation(testDb.db)).id;
  hospitalB = (await createOrganisation(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

const actorIn = async (organisationId: string, role: "manager" | "learner") =>
  (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId, role })).id))!;

describe("setAccountActive", () => {
  it("deactivates a learner, who can no longer be loaded as an actor, and keeps their progress; reactivation restores them", async () => {
    const learner = await createUser(testDb.db, { organisationId: hospitalA });
    await recordEvents(testDb.db, {
      learner: { userId: learner.id, organisationId: hospitalA },
      events: cleanPass(learner.id, new Date("2026-11-02T08:00:00Z")),
      catalogue: loadCatalogue("tests/fixtures/courses"),
      now: new Date("2026-11-02T12:00:00Z"),
    });
    const manager = await actorIn(hospitalA, "manager");

    await setAccountActive(testDb.db, { actor: manager, userId: learner.id, isActive: false });
    expect(await signedInActor(testDb.db, learner.id)).toBeNull();
    expect(await testDb.db.select().from(moduleProgress).where(eq(moduleProgress.userId, learner.id))).toHaveLength(1);

    await setAccountActive(testDb.db, { actor: manager, userId: learner.id, isActive: true });
    expect(await signedInActor(testDb.db, learner.id)).not.toBeNull();
  });

  it.each([
    ["a manager of another establishment", () => actorIn(hospitalB, "manager")],
    ["a learner of the same establishment", () => actorIn(hospitalA, "learner")],
  ])("answers not found to %s and changes nothing", async (_who, makeActor) => {
    const learner = await createUser(testDb.db, { organisationId: hospitalA });

    await expect(
      setAccountActive(testDb.db, { actor: await makeActor(), userId: learner.id, isActive: false }),
    ).rejects.toMatchObject({ code: "not_found" });
    const [row] = await testDb.db.select().from(users).where(eq(users.id, learner.id));
    expect(row?.isActive).toBe(true);
  });
});
