import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, auditLog } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import { removePersonalAssignment } from "@/lib/assignments/remove-personal-assignment";
import type { Actor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { assignPhishingModule } from "@/lib/phishing/assign-phishing-module";
import { PHISHING_MODULE_ID } from "@/lib/phishing/phishing-module";
import { signedInActor } from "../support/signed-in-actor";
import { type TestDb, createTestDb } from "../support/db";

// The phishing module a click assigned is the person's own assignment: a manager of the
// establishment may remove it (audit-logged); nobody else may, whatever ids they send.
const catalogue = loadCatalogue("courses");
const origin = { ipAddress: "192.0.2.10", userAgent: "test" };
let testDb: TestDb;
let centre: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function actorIn(organisationId: string, role: "learner" | "manager" | "admin"): Promise<Actor> {
  return (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId, role })).id))!;
}

/** An establishment with a manager, a learner who clicked (their own assignment) and an assignment to everyone. */
async function establishment(parentId = centre) {
  const organisationId = (await createOrganisation(testDb.db, { parentId })).id;
  const learner = await createUser(testDb.db, { organisationId });
  await assignPhishingModule(testDb.db, { organisationId, userId: learner.id, windowStartsOn: "2026-11-02" });
  const [everyone] = await testDb.db
    .insert(assignments)
    .values({ organisationId, subjectType: "path", subjectId: "bonnes-pratiques", dueOn: "2031-06-30" })
    .returning();
  const [own] = await testDb.db
    .select()
    .from(assignments)
    .where(and(eq(assignments.organisationId, organisationId), eq(assignments.userId, learner.id)));

  return { organisationId, learner, own: own!, everyone: everyone!, manager: await actorIn(organisationId, "manager") };
}

const assignmentRow = async (id: string) =>
  (await testDb.db.select().from(assignments).where(eq(assignments.id, id)))[0] ?? null;
const removals = (organisationId: string) =>
  testDb.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "personal_assignment.removed"), eq(auditLog.organisationId, organisationId)));

describe("removePersonalAssignment", () => {
  it("lets a manager of the establishment remove the module a click assigned, once, and logs it", async () => {
    const a = await establishment();
    const own = () =>
      listLearnerAssignments(testDb.db, {
        organisationId: a.organisationId,
        userId: a.learner.id,
        teamId: null,
        catalogue,
        progress: new Map(),
        asOf: new Date("2026-12-01T10:00:00Z"),
      });
    expect((await own()).map((x) => [x.subjectId, x.isPersonal])).toEqual([
      [PHISHING_MODULE_ID, true],
      ["bonnes-pratiques", false],
    ]);

    expect(
      await removePersonalAssignment(testDb.db, {
        actor: a.manager,
        organisationId: a.organisationId,
        assignmentId: a.own.id,
        origin,
      }),
    ).toEqual({ userId: a.learner.id });

    expect(await assignmentRow(a.own.id)).toBeNull();
    expect(await assignmentRow(a.everyone.id)).not.toBeNull();
    expect((await own()).map((x) => x.subjectId)).toEqual(["bonnes-pratiques"]);
    const entries = await removals(a.organisationId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: a.manager.userId,
      targetType: "user",
      targetId: a.learner.id,
      ipAddress: "192.0.2.10",
      details: { subjectType: "module", subjectId: PHISHING_MODULE_ID },
    });
    await expect(
      removePersonalAssignment(testDb.db, {
        actor: a.manager,
        organisationId: a.organisationId,
        assignmentId: a.own.id,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await removals(a.organisationId)).toHaveLength(1);
  });

  it("lets the platform admin above the establishment remove it too", async () => {
    const a = await establishment();
    const admin = await actorIn(centre, "admin");

    await removePersonalAssignment(testDb.db, {
      actor: admin,
      organisationId: a.organisationId,
      assignmentId: a.own.id,
    });

    expect(await assignmentRow(a.own.id)).toBeNull();
  });

  it("refuses a manager of B, a learner of A, another centre's admin, and B's page with A's id: not found, nothing changes", async () => {
    const a = await establishment();
    const b = await establishment();
    const otherCentre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const attackers = [
      { actor: b.manager, organisationId: a.organisationId },
      { actor: b.manager, organisationId: b.organisationId },
      { actor: await actorIn(a.organisationId, "learner"), organisationId: a.organisationId },
      { actor: await actorIn(otherCentre, "admin"), organisationId: a.organisationId },
    ];

    for (const { actor, organisationId } of attackers) {
      await expect(
        removePersonalAssignment(testDb.db, { actor, organisationId, assignmentId: a.own.id, origin }),
      ).rejects.toMatchObject({ code: "not_found" });
    }

    expect(await assignmentRow(a.own.id)).toMatchObject({ userId: a.learner.id, organisationId: a.organisationId });
    expect(await removals(a.organisationId)).toEqual([]);
    expect(await removals(b.organisationId)).toEqual([]);
  });

  it("removes no assignment to everyone or a team, and refuses a forged id", async () => {
    const a = await establishment();

    for (const assignmentId of [a.everyone.id, "1 or 1=1", ""]) {
      await expect(
        removePersonalAssignment(testDb.db, { actor: a.manager, organisationId: a.organisationId, assignmentId }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(
      removePersonalAssignment(testDb.db, { actor: a.manager, organisationId: "x", assignmentId: a.own.id }),
    ).rejects.toMatchObject({ code: "not_found" });

    expect(await assignmentRow(a.everyone.id)).not.toBeNull();
    expect(await assignmentRow(a.own.id)).not.toBeNull();
  });

  it("is the only way to remove a person's own assignment: deleteAssignment does not find it", async () => {
    const a = await establishment();

    await expect(deleteAssignment(testDb.db, { actor: a.manager, assignmentId: a.own.id })).rejects.toMatchObject({
      code: "not_found",
    });

    expect(await assignmentRow(a.own.id)).not.toBeNull();
  });
});
