import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { CODE_PATTERN } from "@/lib/certificates/generate-code";
import { issueCertificates, listCertificates } from "@/lib/certificates/issue-certificates";
import { listOrganisationCertificates } from "@/lib/certificates/list-organisation-certificates";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { recordEvents } from "@/lib/progress/record-events";
import { cleanPass, stepViewed } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue("tests/fixtures/courses");
const start = new Date("2026-11-02T08:00:00Z");
const now = new Date("2026-11-02T12:00:00Z");
let testDb: TestDb;
let hospitalA: string;
let hospitalB: string;
let centre: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospitalA = (await createOrganisation(testDb.db, { parentId: centre, name: "Centre hospitalier A" })).id;
  hospitalB = (await createOrganisation(testDb.db, { parentId: centre })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function learnerWhoFinished(name = "Françoise Lefèvre-Nguyễn") {
  const user = await createUser(testDb.db, { organisationId: hospitalA, name });
  const learner = { userId: user.id, organisationId: hospitalA };
  await recordEvents(testDb.db, { learner, events: cleanPass(user.id, start), catalogue, now });

  return learner;
}

async function actorFor(organisationId: string, role: "learner" | "manager" | "admin") {
  const user = await createUser(testDb.db, { organisationId, role });

  return (await loadActor(testDb.db, user.id))!;
}

describe("issueCertificates", () => {
  it("issues one certificate for the module and one for the path once both are completed", async () => {
    const learner = await learnerWhoFinished();
    const list = await issueCertificates(testDb.db, { learner, catalogue });

    expect(list.map((c) => `${c.subjectType}:${c.subjectId}`).sort()).toEqual(["module:demo-module", "path:demo-path"]);
    const module = list.find((c) => c.subjectType === "module")!;
    expect(module).toMatchObject({
      learnerName: "Françoise Lefèvre-Nguyễn",
      subjectTitle: "Module de test",
      subjectVersion: 1,
      organisationName: "Centre hospitalier A",
      durationMinutes: catalogue.moduleById.get("demo-module")!.durationMinutes,
    });
    // The completion's reception by the server, not the time the browser claims.
    expect(module.completedAt).toEqual(now);
    expect(module.code).toMatch(CODE_PATTERN);
  });

  it("returns the same certificates with the same codes when asked again, even at the same time", async () => {
    const learner = await learnerWhoFinished();
    const [a, b] = await Promise.all([
      issueCertificates(testDb.db, { learner, catalogue }),
      issueCertificates(testDb.db, { learner, catalogue }),
    ]);
    const again = await issueCertificates(testDb.db, { learner, catalogue });

    const codes = (list: typeof a) => list.map((c) => c.code).sort();
    expect(codes(a)).toEqual(codes(again));
    expect(codes(b)).toEqual(codes(again));
    expect(await listCertificates(testDb.db, learner.userId)).toHaveLength(2);
  });

  it("issues nothing for a module that is not completed", async () => {
    const user = await createUser(testDb.db, { organisationId: hospitalA });
    const learner = { userId: user.id, organisationId: hospitalA };
    await recordEvents(testDb.db, {
      learner,
      events: [stepViewed({ learnerId: user.id, at: start }, "a-retenir")],
      catalogue,
      now,
    });

    expect(await issueCertificates(testDb.db, { learner, catalogue })).toEqual([]);
  });
});

describe("verifyCertificate", () => {
  it("says genuine with the name, title, date and establishment, and nothing more", async () => {
    const learner = await learnerWhoFinished("Zoë Œuvray <script>");
    const [certificate] = await issueCertificates(testDb.db, { learner, catalogue });
    const check = await verifyCertificate(testDb.db, certificate!.code.toLowerCase());

    expect(check).toEqual({
      status: "valid",
      learnerName: "Zoë Œuvray <script>",
      subjectTitle: certificate!.subjectTitle,
      subjectType: certificate!.subjectType,
      organisationName: "Centre hospitalier A",
      completedAt: certificate!.completedAt,
      revokedAt: null,
      publicReason: null,
      replacedAt: null,
      replacementCode: null,
    });
  });

  it.each(["", "x", "0".repeat(26), "'; drop table certificates; --", "%00", "A".repeat(10_000)])(
    "answers the same not found for %j",
    async (code) => {
      expect(await verifyCertificate(testDb.db, code)).toEqual({ status: "not_found" });
    },
  );
});

describe("revokeCertificate", () => {
  it("lets a manager of the establishment revoke with a reason, and the check says revoked", async () => {
    const learner = await learnerWhoFinished();
    const [certificate] = await issueCertificates(testDb.db, { learner, catalogue });
    const manager = await actorFor(hospitalA, "manager");

    await revokeCertificate(testDb.db, {
      actor: manager,
      certificateId: certificate!.id,
      reason: "Délivré par erreur",
    });

    const check = await verifyCertificate(testDb.db, certificate!.code);
    expect(check.status).toBe("revoked");
    const [row] = await testDb.db.select().from(certificates).where(eq(certificates.id, certificate!.id));
    expect(row).toMatchObject({ revokedReason: "Délivré par erreur", revokedBy: manager.userId });
  });

  it.each([
    ["a manager of another establishment", () => actorFor(hospitalB, "manager")],
    ["a learner of the same establishment", () => actorFor(hospitalA, "learner")],
  ])("answers not found to %s and changes nothing", async (_who, makeActor) => {
    const learner = await learnerWhoFinished();
    const [certificate] = await issueCertificates(testDb.db, { learner, catalogue });

    await expect(
      revokeCertificate(testDb.db, { actor: await makeActor(), certificateId: certificate!.id, reason: "Tentative" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await verifyCertificate(testDb.db, certificate!.code)).status).toBe("valid");
  });

  it("lets a platform admin revoke any certificate, and keeps the first revocation", async () => {
    const learner = await learnerWhoFinished();
    const [certificate] = await issueCertificates(testDb.db, { learner, catalogue });
    const admin = await actorFor(centre, "admin");

    const first = await revokeCertificate(testDb.db, {
      actor: admin,
      certificateId: certificate!.id,
      reason: "Fraude constatée",
    });
    const second = await revokeCertificate(testDb.db, {
      actor: admin,
      certificateId: certificate!.id,
      reason: "Autre motif",
    });

    expect(second.revokedReason).toBe("Fraude constatée");
    expect(second.revokedAt).toEqual(first.revokedAt);
  });

  it("shows the reason on the public check only when the manager publishes it", async () => {
    const manager = await actorFor(hospitalA, "manager");
    const [kept] = await issueCertificates(testDb.db, { learner: await learnerWhoFinished(), catalogue });
    const [published] = await issueCertificates(testDb.db, { learner: await learnerWhoFinished(), catalogue });

    await revokeCertificate(testDb.db, { actor: manager, certificateId: kept!.id, reason: "Erreur de saisie interne" });
    await revokeCertificate(testDb.db, {
      actor: manager,
      certificateId: published!.id,
      reason: "Délivré à un homonyme",
      publishReason: true,
    });

    expect(await verifyCertificate(testDb.db, kept!.code)).toMatchObject({ status: "revoked", publicReason: null });
    expect(await verifyCertificate(testDb.db, published!.code)).toMatchObject({
      status: "revoked",
      publicReason: "Délivré à un homonyme",
    });
    expect(
      await verifyCertificate(
        testDb.db,
        (await issueCertificates(testDb.db, { learner: await learnerWhoFinished(), catalogue }))[0]!.code,
      ),
    ).toMatchObject({ status: "valid", publicReason: null });
  });

  it("refuses a revocation without a reason", async () => {
    const learner = await learnerWhoFinished();
    const [certificate] = await issueCertificates(testDb.db, { learner, catalogue });

    await expect(
      revokeCertificate(testDb.db, {
        actor: await actorFor(hospitalA, "manager"),
        certificateId: certificate!.id,
        reason: "  ",
      }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("listOrganisationCertificates", () => {
  it("finds certificates by holder, subject or code, case-insensitively, and takes % and _ literally", async () => {
    const learner = await learnerWhoFinished();
    const [certificate] = await issueCertificates(testDb.db, { learner, catalogue });
    const [row] = await testDb.db.select().from(certificates).where(eq(certificates.id, certificate!.id));
    const search = (text: string) =>
      listOrganisationCertificates(testDb.db, [hospitalA], { search: text }).then((list) =>
        list.map((found) => found.id),
      );

    expect(await search(row!.learnerName.toUpperCase())).toContain(certificate!.id);
    expect(await search(row!.subjectTitle.slice(2, 12).toLowerCase())).toContain(certificate!.id);
    expect(await search(certificate!.code.slice(5, 15))).toEqual([certificate!.id]);
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await listOrganisationCertificates(testDb.db, [hospitalB], { search: row!.learnerName })).toEqual([]);
  });
});
