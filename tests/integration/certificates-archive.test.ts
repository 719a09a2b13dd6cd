import { and, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, certificates } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { certificatePdf } from "@/lib/certificates/certificate-pdf";
import { ARCHIVE_BATCH } from "@/lib/certificates/certificates-archive-query";
import { INDEX_FILE, certificatesArchive } from "@/lib/certificates/certificates-archive";
import type { ArchiveFilters } from "@/lib/certificates/certificates-archive-query";
import { generateCertificateCode } from "@/lib/certificates/generate-code";
import { type TestDb, createTestDb } from "../support/db";

const baseUrl = "https://vigie.example.org";
const asOf = new Date("2026-11-30T10:00:00Z");
let testDb: TestDb;
let centreId: string;
let hospitalA: string;
let hospitalB: string;
let managerA: Actor;
let managerB: Actor;

type Values = {
  name: string;
  subjectType?: "module" | "path";
  subjectId?: string;
  completedAt?: string;
  revoked?: boolean;
  locale?: "fr" | "en";
};

async function certificate(organisationId: string, values: Values) {
  const user = await createUser(testDb.db, { organisationId, name: values.name });
  const [row] = await testDb.db
    .insert(certificates)
    .values({
      code: generateCertificateCode(),
      userId: user.id,
      organisationId,
      subjectType: values.subjectType ?? "module",
      subjectId: values.subjectId ?? "cles-usb",
      subjectVersion: 2,
      learnerName: values.name,
      subjectTitle: values.subjectId === "hameconnage" ? "Hameçonnage" : "Attention aux clés USB",
      organisationName: "Hôpital A",
      durationMinutes: 7,
      completedAt: new Date(values.completedAt ?? "2026-10-15T09:00:00Z"),
      issuedAt: new Date("2026-10-15T09:00:01Z"),
      revokedAt: values.revoked ? new Date("2026-10-20T08:00:00Z") : null,
      revokedReason: values.revoked ? "Délivré par erreur" : null,
    })
    .returning();

  return row!;
}

async function unzip(actor: Actor, organisationId: string, filters: ArchiveFilters = {}) {
  const { stream } = await certificatesArchive(testDb.db, { actor, organisationId, filters, baseUrl, asOf });
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const files = unzipSync(bytes);
  const index = new TextDecoder("utf-8", { ignoreBOM: true }).decode(files[INDEX_FILE]);

  return { files, index, lines: index.slice(1).split("\r\n").filter(Boolean) };
}

async function actorFor(organisationId: string, role: "manager" | "learner" | "admin") {
  return (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId, role })).id))!;
}

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospitalA = (await createOrganisation(testDb.db, { parentId: centreId })).id;
  hospitalB = (await createOrganisation(testDb.db, { parentId: centreId })).id;
  [managerA, managerB] = await Promise.all([actorFor(hospitalA, "manager"), actorFor(hospitalB, "manager")]);
});

afterAll(async () => {
  await testDb?.close();
});

describe("certificatesArchive", () => {
  it("holds one PDF per certificate, drawn as the holder's download, and an index; nothing of another establishment", async () => {
    const francoise = await certificate(hospitalA, { name: "Françoise Lefèvre-Nguyễn" });
    const traversal = await certificate(hospitalA, {
      name: "../../etc/passwd Zoë Œuvray",
      subjectId: "hameconnage",
      completedAt: "2026-11-02T23:30:00Z",
      revoked: true,
    });
    const formula = await certificate(hospitalA, {
      name: '=HYPERLINK("http://evil.example")',
      subjectType: "path",
      subjectId: "bonnes-pratiques",
    });
    const ofB = await certificate(hospitalB, { name: "Agent de B" });
    const { files, index, lines } = await unzip(managerA, hospitalA);

    const pdfs = Object.keys(files).filter((name) => name !== INDEX_FILE);
    expect(pdfs).toHaveLength(3);
    for (const name of pdfs) expect(name).toMatch(/^[A-Za-z0-9_-]+\.pdf$/);
    expect(pdfs).toContain(`Francoise-Lefevre-Nguyen_cles-usb_${francoise.code}.pdf`);
    expect(pdfs).toContain(`etc-passwd-Zoe-Oeuvray_hameconnage_${traversal.code}.pdf`);
    expect(pdfs).toContain(`HYPERLINK-http-evil-example_bonnes-pratiques_${formula.code}.pdf`);

    const pdf = files[`Francoise-Lefevre-Nguyen_cles-usb_${francoise.code}.pdf`]!;
    expect(Buffer.from(pdf).equals(Buffer.from(await certificatePdf(francoise, baseUrl, "fr")))).toBe(true);
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain("Françoise Lefèvre-Nguyễn");

    expect(index.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(
      "Titulaire;Module ou parcours;Type;Version;Date d'obtention;Code de vérification;URL de vérification;Révoqué;Date de révocation;Motif de révocation;Fichier PDF",
    );
    expect(lines).toContain(
      `Françoise Lefèvre-Nguyễn;Attention aux clés USB;Module;2;15/10/2026;${francoise.code};${baseUrl}/certificat/${francoise.code};Non;;;Francoise-Lefevre-Nguyen_cles-usb_${francoise.code}.pdf`,
    );
    // 23:30 UTC on 2 November is the 3rd in Paris.
    expect(lines).toContain(
      `../../etc/passwd Zoë Œuvray;Hameçonnage;Module;2;03/11/2026;${traversal.code};${baseUrl}/certificat/${traversal.code};Oui;20/10/2026;Délivré par erreur;etc-passwd-Zoe-Oeuvray_hameconnage_${traversal.code}.pdf`,
    );
    expect(lines.some((line) => line.startsWith(`"'=HYPERLINK(""http://evil.example"")";`))).toBe(true);
    expect(lines).toHaveLength(4);
    expect(index).not.toContain(ofB.code);
    expect(pdfs.join()).not.toContain(ofB.code);
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "certificates.exported"), eq(auditLog.targetId, hospitalA)));
    expect(audit?.actorUserId).toBe(managerA.userId);
  });

  it("filters by module or path and by period", async () => {
    const organisationId = (await createOrganisation(testDb.db, { parentId: centreId })).id;
    const manager = await actorFor(organisationId, "manager");
    const october = await certificate(organisationId, { name: "Octobre", completedAt: "2026-10-01T10:00:00Z" });
    const november = await certificate(organisationId, { name: "Novembre", completedAt: "2026-11-10T10:00:00Z" });
    const phishing = await certificate(organisationId, {
      name: "Hameçonnage",
      subjectId: "hameconnage",
      completedAt: "2026-11-10T10:00:00Z",
    });
    const codes = async (filters: ArchiveFilters) =>
      (await unzip(manager, organisationId, filters)).lines
        .slice(1)
        .map((line) => line.split(";")[5])
        .sort();

    expect(await codes({ subject: { type: "module", id: "cles-usb" } })).toEqual([october.code, november.code].sort());
    expect(await codes({ from: "2026-11-01" })).toEqual([november.code, phishing.code].sort());
    expect(await codes({ from: "2026-10-01", to: "2026-10-01" })).toEqual([october.code]);
    expect(await codes({ subject: { type: "path", id: "bonnes-pratiques" } })).toEqual([]);
  });

  it("keeps every certificate exactly once across batches", async () => {
    const organisationId = (await createOrganisation(testDb.db, { parentId: centreId })).id;
    const manager = await actorFor(organisationId, "manager");
    const count = ARCHIVE_BATCH + 5;
    for (let i = 0; i < count; i++)
      await certificate(organisationId, {
        name: `Agent ${i}`,
        completedAt: i % 2 ? "2026-10-01T10:00:00.123456Z" : "2026-10-01T10:00:00Z",
      });
    const { files, lines } = await unzip(manager, organisationId);

    expect(Object.keys(files)).toHaveLength(count + 1);
    expect(new Set(lines.slice(1)).size).toBe(count);
  });

  it("answers not found to a manager of another establishment and to a learner, and lets a platform admin in", async () => {
    const learnerA = await actorFor(hospitalA, "learner");
    await expect(
      certificatesArchive(testDb.db, { actor: managerB, organisationId: hospitalA, filters: {}, baseUrl, asOf }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      certificatesArchive(testDb.db, { actor: learnerA, organisationId: hospitalA, filters: {}, baseUrl, asOf }),
    ).rejects.toMatchObject({ code: "not_found" });
    const admin = await actorFor(centreId, "admin");
    const { files } = await unzip(admin, hospitalA);

    expect(Object.keys(files).length).toBeGreaterThan(1);
    // Without an establishment named, nothing: the route names it, the domain never picks one.
    await expect(
      certificatesArchive(testDb.db, { actor: managerB, organisationId: "", filters: {}, baseUrl, asOf }),
    ).rejects.toMatchObject({ code: "not_found" });
    const own = await unzip(managerB, hospitalB);
    expect(own.lines).toHaveLength(2);
    expect(own.lines[1]).toContain("Agent de B");
  });
});
