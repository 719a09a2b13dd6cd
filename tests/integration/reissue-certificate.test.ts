import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, certificates } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/load-actor";
import { findOwnCertificate } from "@/lib/certificates/find-own-certificate";
import { issueCertificates, listCertificates } from "@/lib/certificates/issue-certificates";
import { listOrganisationCertificates } from "@/lib/certificates/list-organisation-certificates";
import { reissueCertificate } from "@/lib/certificates/reissue-certificate";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { renamePerson } from "@/lib/people/rename-person";
import { recordEvents } from "@/lib/progress/record-events";
import { getRegionReport } from "@/lib/region/get-region-report";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { getLearnerDetail } from "@/lib/reports/get-learner-detail";
import { cleanPass } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";
import { signedInActor } from "../support/signed-in-actor";

/**
 * Issue 17: after a name is corrected, the learner has a certificate re-issued under it. The new
 * one keeps the completion (date, version) with a new code; the old code says "replaced" and leads
 * to it; a double submit makes one; reports count the completion once; revoked ones stay as they are.
 */

const catalogue = loadCatalogue("tests/fixtures/courses");
const start = new Date("2026-11-02T08:00:00Z");
const completedAt = new Date("2026-11-02T12:00:00Z");
let testDb: TestDb;
let centre: string;
let hospital: string;
let admin: Actor;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospital = (await createOrganisation(testDb.db, { parentId: centre, name: "Centre hospitalier" })).id;
  admin = (await signedInActor(
    testDb.db,
    (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id,
  ))!;
});

afterAll(async () => {
  await testDb?.close();
});

/** A learner who finished the module and the path under a misspelt name, then corrected it. */
async function learnerRenamed() {
  const user = await createUser(testDb.db, { organisationId: hospital, name: "Françoise Lefevre" });
  const learner = { userId: user.id, organisationId: hospital };
  await recordEvents(testDb.db, { learner, events: cleanPass(user.id, start), catalogue, now: completedAt });
  const issued = await issueCertificates(testDb.db, { learner, catalogue });
  const actor = (await signedInActor(testDb.db, user.id))!;
  await renamePerson(testDb.db, { actor, userId: user.id, name: "Françoise Lefèvre-Nguyễn" });

  return {
    learner,
    actor: (await signedInActor(testDb.db, user.id))!,
    module: issued.find((c) => c.subjectType === "module")!,
  };
}

async function figures(userId: string) {
  const asOf = new Date("2026-11-30T12:00:00Z");
  const [region, dashboard, detail, listed] = await Promise.all([
    getRegionReport(testDb.db, { actor: admin, asOf }),
    getDashboard(testDb.db, { organisationId: hospital, catalogue, asOf, teams: [] }),
    getLearnerDetail(testDb.db, { organisationId: hospital, userId, catalogue, asOf }),
    listOrganisationCertificates(testDb.db, [hospital]),
  ]);

  return {
    region: region.totals,
    months: region.months,
    dashboard,
    detail: detail.certificates.length,
    listed: listed.length,
  };
}

describe("reissueCertificate", () => {
  it("issues a new certificate under the corrected name with the same completion, and the old code says replaced", async () => {
    const { learner, actor, module } = await learnerRenamed();

    const { certificate, reissued } = await reissueCertificate(testDb.db, { actor, certificateId: module.id });

    expect(reissued).toBe(true);
    expect(certificate).toMatchObject({
      learnerName: "Françoise Lefèvre-Nguyễn",
      subjectType: "module",
      subjectId: module.subjectId,
      subjectVersion: module.subjectVersion,
      subjectTitle: module.subjectTitle,
      organisationName: module.organisationName,
      completedAt,
      issuedAt: module.issuedAt,
      revokedAt: null,
      replacedAt: null,
    });
    expect(certificate.code).not.toBe(module.code);
    expect(await verifyCertificate(testDb.db, module.code)).toMatchObject({
      status: "replaced",
      learnerName: "Françoise Lefevre",
      replacementCode: certificate.code,
      replacedAt: expect.any(Date),
    });
    expect(await verifyCertificate(testDb.db, certificate.code)).toMatchObject({
      status: "valid",
      learnerName: "Françoise Lefèvre-Nguyễn",
      completedAt,
    });
    // "Mes certificats" offers the new one only, and asking for the learner's certificates again issues nothing more.
    const mine = await issueCertificates(testDb.db, { learner, catalogue });
    expect(mine.filter((c) => c.subjectType === "module").map((c) => c.code)).toEqual([certificate.code]);
    expect(await listCertificates(testDb.db, learner.userId)).toHaveLength(2);
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, module.id));
    expect(audit).toMatchObject({
      action: "certificate.reissued",
      actorUserId: actor.userId,
      organisationId: hospital,
      details: { from: "Françoise Lefevre", to: "Françoise Lefèvre-Nguyễn", replacedBy: certificate.id },
    });
  });

  it("makes one new certificate when the form is sent twice, even at the same time", async () => {
    const { actor, module } = await learnerRenamed();

    const [first, second] = await Promise.all([
      reissueCertificate(testDb.db, { actor, certificateId: module.id }),
      reissueCertificate(testDb.db, { actor, certificateId: module.id }),
    ]);
    const third = await reissueCertificate(testDb.db, { actor, certificateId: module.id });

    expect([first.reissued, second.reissued].sort()).toEqual([false, true]);
    expect(second.certificate.id).toBe(first.certificate.id);
    expect(third).toMatchObject({ reissued: false, certificate: { id: first.certificate.id } });
    const rows = await testDb.db.select().from(certificates).where(eq(certificates.userId, actor.userId));
    expect(rows.filter((c) => c.subjectType === "module")).toHaveLength(2);
    expect(await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, module.id))).toHaveLength(1);
  });

  it("leaves every count of the dashboards and reports as it was", async () => {
    const { actor, module } = await learnerRenamed();
    const before = await figures(actor.userId);

    await reissueCertificate(testDb.db, { actor, certificateId: module.id });

    expect(await figures(actor.userId)).toEqual(before);
  });

  it("sends every older code to the newest certificate after a second correction", async () => {
    const { actor, module } = await learnerRenamed();
    const { certificate: second } = await reissueCertificate(testDb.db, { actor, certificateId: module.id });
    await renamePerson(testDb.db, { actor, userId: actor.userId, name: "Françoise Nguyễn" });

    const { certificate: third } = await reissueCertificate(testDb.db, {
      actor: (await signedInActor(testDb.db, actor.userId))!,
      certificateId: second.id,
    });

    expect(await verifyCertificate(testDb.db, module.code)).toMatchObject({
      status: "replaced",
      replacementCode: third.code,
    });
    expect(await verifyCertificate(testDb.db, second.code)).toMatchObject({
      status: "replaced",
      replacementCode: third.code,
    });
    expect(third.completedAt).toEqual(completedAt);
  });

  it("hands the learner their own certificate, the replacement's code for a replaced one, and not_found to anyone else", async () => {
    const { actor, module } = await learnerRenamed();
    const other = (await createUser(testDb.db, { organisationId: hospital })).id;
    const { certificate } = await reissueCertificate(testDb.db, { actor, certificateId: module.id });

    expect(await findOwnCertificate(testDb.db, { userId: actor.userId, code: certificate.code })).toEqual({
      status: "current",
      certificate,
    });
    expect(await findOwnCertificate(testDb.db, { userId: actor.userId, code: module.code.toLowerCase() })).toEqual({
      status: "replaced",
      replacementCode: certificate.code,
    });
    await expect(findOwnCertificate(testDb.db, { userId: other, code: certificate.code })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(findOwnCertificate(testDb.db, { userId: actor.userId, code: "pas-un-code" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses a revoked certificate, one already under the current name, and someone else's, changing nothing", async () => {
    const { actor, module } = await learnerRenamed();
    const manager = (await signedInActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: hospital, role: "manager" })).id,
    ))!;
    const other = (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId: hospital })).id))!;
    await revokeCertificate(testDb.db, { actor: manager, certificateId: module.id, reason: "Délivré par erreur" });
    const before = await testDb.db.select().from(certificates).where(eq(certificates.userId, actor.userId));

    await expect(reissueCertificate(testDb.db, { actor, certificateId: module.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(reissueCertificate(testDb.db, { actor: other, certificateId: module.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(reissueCertificate(testDb.db, { actor, certificateId: "not-a-uuid" })).rejects.toMatchObject({
      code: "not_found",
    });
    const { certificate } = await reissueCertificate(testDb.db, {
      actor,
      certificateId: before.find((c) => c.subjectType === "path")!.id,
    });
    await expect(reissueCertificate(testDb.db, { actor, certificateId: certificate.id })).rejects.toMatchObject({
      code: "conflict",
    });

    const after = await testDb.db.select().from(certificates).where(eq(certificates.id, module.id));
    expect(after).toEqual(before.filter((c) => c.id === module.id));
  });
});
