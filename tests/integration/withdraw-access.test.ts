import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, certificates, memberships, moduleProgress, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { archiveFilters, archiveParamsSchema } from "@/lib/certificates/archive-filters";
import { certificatesArchive } from "@/lib/certificates/certificates-archive";
import { generateCertificateCode } from "@/lib/certificates/generate-code";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { removeMembership } from "@/lib/organisations/remove-membership";
import { setAccountActive } from "@/lib/organisations/set-account-active";
import { type TestDb, createTestDb } from "../support/db";

/**
 * Issue 14, scenario 3: a departed RSSI keeps nothing. The centre's admin (or a fellow manager)
 * withdraws the manager role, removes the membership or deactivates the account; on the RSSI's
 * next request (a fresh loadActor, as the guards do) the manager pages and exports are refused,
 * and the records (progress, certificates) stay. A centre is never left without an active admin.
 */

let testDb: TestDb;
let centre: string;
let hospital: string;

const actor = async (userId: string) => signedInActor(testDb.db, userId);
const actorIn = async (organisationId: string, role: "learner" | "manager" | "admin"): Promise<Actor> =>
  (await actor((await createUser(testDb.db, { organisationId, role })).id))!;
const archive = (who: Actor) =>
  certificatesArchive(testDb.db, {
    actor: who,
    organisationId: hospital,
    filters: archiveFilters(archiveParamsSchema.parse({})),
    baseUrl: "https://vigie.test",
    asOf: new Date(),
  });

/** An RSSI of the hospital with a completed module and its certificate, as a learner would have. */
async function departingRssi() {
  const { db } = testDb;
  const rssi = await actorIn(hospital, "manager");
  const at = new Date("2026-10-05T09:00:00Z");
  await db.insert(moduleProgress).values({
    userId: rssi.userId,
    moduleId: "cles-usb",
    organisationId: hospital,
    moduleVersion: 1,
    bestScore: 100,
    completedAt: at,
    completedVersion: 1,
    startedAt: at,
    lastActivityAt: at,
  });
  const [certificate] = await db
    .insert(certificates)
    .values({
      code: generateCertificateCode(),
      userId: rssi.userId,
      organisationId: hospital,
      subjectType: "module",
      subjectId: "cles-usb",
      subjectVersion: 1,
      learnerName: rssi.name,
      subjectTitle: "Clés USB",
      organisationName: "CH",
      durationMinutes: 7,
      completedAt: at,
    })
    .returning();
  // Before: the RSSI reaches the manager pages and the exports.
  expect((await requireManagedEstablishment(db, rssi, hospital)).id).toBe(hospital);

  return { rssi, certificate: certificate! };
}

async function auditOf(targetId: string) {
  return testDb.db
    .select({
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      organisationId: auditLog.organisationId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(eq(auditLog.targetId, targetId));
}

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospital = (await createOrganisation(testDb.db, { parentId: centre, name: "Centre hospitalier" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("scenario 3: a departed RSSI", () => {
  it("loses the manager pages and every export on the next request once the centre's admin withdraws the manager role; stays a learner", async () => {
    const admin = await actorIn(centre, "admin");
    const { rssi } = await departingRssi();

    await changeMemberRole(testDb.db, { actor: admin, organisationId: hospital, userId: rssi.userId, role: "learner" });

    const next = (await actor(rssi.userId))!;
    expect(next.memberships).toMatchObject([{ organisationId: hospital, role: "learner" }]);
    await expect(requireManagedEstablishment(testDb.db, next, hospital)).rejects.toMatchObject({ code: "not_found" });
    await expect(archive(next)).rejects.toMatchObject({ code: "not_found" });
    expect(await auditOf(rssi.userId)).toEqual([
      {
        action: "member.role_changed",
        actorUserId: admin.userId,
        organisationId: hospital,
        details: { from: "manager", to: "learner" },
      },
    ]);
  });

  it("is refused everything on the next request once the centre's admin deactivates the account; progress and certificates stay, still verifiable", async () => {
    const admin = await actorIn(centre, "admin");
    const { rssi, certificate } = await departingRssi();

    await setAccountActive(testDb.db, { actor: admin, userId: rssi.userId, isActive: false });

    expect(await actor(rssi.userId)).toBeNull();
    expect(await testDb.db.select().from(moduleProgress).where(eq(moduleProgress.userId, rssi.userId))).toHaveLength(1);
    expect(await verifyCertificate(testDb.db, certificate.code)).toMatchObject({ status: "valid" });
    expect(await auditOf(rssi.userId)).toMatchObject([{ action: "account.deactivated", actorUserId: admin.userId }]);

    await setAccountActive(testDb.db, { actor: admin, userId: rssi.userId, isActive: true });
    expect((await actor(rssi.userId))?.memberships).toMatchObject([{ organisationId: hospital, role: "manager" }]);
  });

  it("loses the establishment on the next request once a fellow manager removes them; the account, progress and certificates stay", async () => {
    const fellow = await actorIn(hospital, "manager");
    const { rssi, certificate } = await departingRssi();

    await removeMembership(testDb.db, { actor: fellow, organisationId: hospital, userId: rssi.userId });

    const next = (await actor(rssi.userId))!;
    expect(next.memberships).toEqual([]);
    await expect(archive(next)).rejects.toMatchObject({ code: "not_found" });
    expect(await testDb.db.select().from(moduleProgress).where(eq(moduleProgress.userId, rssi.userId))).toHaveLength(1);
    expect(await verifyCertificate(testDb.db, certificate.code)).toMatchObject({
      status: "valid",
      learnerName: rssi.name,
    });
    expect(await auditOf(rssi.userId)).toMatchObject([
      { action: "member.removed", actorUserId: fellow.userId, organisationId: hospital, details: { role: "manager" } },
    ]);
  });

  it("can be deactivated by a fellow manager when the account belongs to nothing else", async () => {
    const fellow = await actorIn(hospital, "manager");
    const { rssi } = await departingRssi();

    await setAccountActive(testDb.db, { actor: fellow, userId: rssi.userId, isActive: false });

    expect(await actor(rssi.userId)).toBeNull();
  });
});

describe("a platform admin's own rights", () => {
  it("withdraws another admin's rights, effective on their next request", async () => {
    const [admin, other] = [await actorIn(centre, "admin"), await actorIn(centre, "admin")];

    await removeMembership(testDb.db, { actor: admin, organisationId: centre, userId: other.userId });

    const next = (await actor(other.userId))!;
    expect(() => requireAdminCentres(next)).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("never leaves the centre without an active admin, and changes nothing when refused", async () => {
    const lone = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const [admin, other] = [await actorIn(lone, "admin"), await actorIn(lone, "admin")];
    // The acting admin was deactivated meanwhile (their request had already loaded them): the other is the last.
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, admin.userId));

    await expect(
      removeMembership(testDb.db, { actor: admin, organisationId: lone, userId: other.userId }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      setAccountActive(testDb.db, { actor: admin, userId: other.userId, isActive: false }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await actor(other.userId))?.memberships).toMatchObject([{ organisationId: lone, role: "admin" }]);
  });

  it("lets only one of two admins who withdraw each other at the same time succeed", async () => {
    const pair = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const [first, second] = [await actorIn(pair, "admin"), await actorIn(pair, "admin")];

    const results = await Promise.allSettled([
      removeMembership(testDb.db, { actor: first, organisationId: pair, userId: second.userId }),
      removeMembership(testDb.db, { actor: second, organisationId: pair, userId: first.userId }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const left = await testDb.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, pair), eq(memberships.role, "admin")));
    expect(left).toHaveLength(1);
  });
});

describe("what withdrawal refuses", () => {
  it("gives a manager not_found for an admin's account and admin rights, and for their own access", async () => {
    const admin = await actorIn(centre, "admin");
    await testDb.db.insert(memberships).values({ userId: admin.userId, organisationId: hospital, role: "learner" });
    const manager = await actorIn(hospital, "manager");

    await expect(
      removeMembership(testDb.db, { actor: manager, organisationId: hospital, userId: admin.userId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setAccountActive(testDb.db, { actor: manager, userId: admin.userId, isActive: false }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      removeMembership(testDb.db, { actor: manager, organisationId: centre, userId: admin.userId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      changeMemberRole(testDb.db, {
        actor: manager,
        organisationId: hospital,
        userId: manager.userId,
        role: "learner",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      removeMembership(testDb.db, { actor: manager, organisationId: hospital, userId: manager.userId }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await actor(admin.userId))?.memberships).toHaveLength(2);
  });

  it("refuses a role other than learner or manager, whatever the form carries", async () => {
    const admin = await actorIn(centre, "admin");
    const learner = await actorIn(hospital, "learner");

    await expect(
      changeMemberRole(testDb.db, {
        actor: admin,
        organisationId: hospital,
        userId: learner.userId,
        role: "admin" as "manager",
      }),
    ).rejects.toThrow();
    await expect(
      changeMemberRole(testDb.db, { actor: admin, organisationId: centre, userId: admin.userId, role: "learner" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await actor(learner.userId))?.memberships).toMatchObject([{ role: "learner" }]);
  });
});
