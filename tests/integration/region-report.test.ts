import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, moduleProgress, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { parisMonths } from "@/lib/calendar/paris-months";
import { getRegionReport } from "@/lib/region/get-region-report";
import { regionCsv, regionCsvHeader } from "@/lib/region/region-csv";
import { sortEstablishments } from "@/lib/region/region-sort";
import { type TestDb, createTestDb } from "../support/db";
import { seededRandom } from "../support/seeded-random";

const asOf = new Date("2026-11-30T10:00:00Z");
const parisMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" });
const monthOf = (at: Date) => parisMonth.format(at).slice(0, 7);
// 1 December 2025, 00:00 in Paris: the start of the 12 months.
const since = new Date("2025-11-30T23:00:00Z");
const modules = ["cles-usb", "session-ouverte", "deplacements", "usages-pro-perso", "cyber-incident"];

let testDb: TestDb;
let admin: Actor;
let otherAdmin: Actor;
let manager: Actor;
let learner: Actor;
const inScope: { id: string; name: string; group: string | null }[] = [];
type Row = {
  organisationId: string;
  userId: string;
  completedAt: Date | null;
  lastCompletedAt: Date | null;
  lastActivityAt: Date;
};
const progressRows: Row[] = [];
const certificateRows: { organisationId: string; issuedAt: Date; revoked: boolean }[] = [];
const learnerRows: { organisationId: string; active: boolean }[] = [];

/** A small deterministic generator, so that the data set is the same on every run. */
beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  const centre = await createOrganisation(db, { kind: "centre" });
  const otherCentre = await createOrganisation(db, { kind: "centre" });
  const group = await createOrganisation(db, { kind: "group", parentId: centre.id, name: "GHT des Calanques" });
  const direct = await createOrganisation(db, { parentId: centre.id, name: "Centre hospitalier d'Aubagne" });
  const inGroup = await createOrganisation(db, { parentId: group.id, name: "EHPAD Les Oliviers" });
  const formula = await createOrganisation(db, { parentId: centre.id, name: '=HYPERLINK("http://x";"Clinique")' });
  const outside = await createOrganisation(db, { parentId: otherCentre.id, name: "Hors région" });
  inScope.push(
    { id: direct.id, name: direct.name, group: null },
    { id: inGroup.id, name: inGroup.name, group: group.name },
    { id: formula.id, name: formula.name, group: null },
  );

  admin = (await signedInActor(db, (await createUser(db, { organisationId: centre.id, role: "admin" })).id))!;
  otherAdmin = (await signedInActor(db, (await createUser(db, { organisationId: otherCentre.id, role: "admin" })).id))!;
  manager = (await signedInActor(db, (await createUser(db, { organisationId: direct.id, role: "manager" })).id))!;
  learner = (await signedInActor(db, (await createUser(db, { organisationId: direct.id })).id))!;
  learnerRows.push({ organisationId: direct.id, active: true });

  const rand = seededRandom(7);
  // Instants from 15 months before asOf to asOf, plus the two sides of the Paris month boundary.
  const instant = () => new Date(asOf.getTime() - Math.floor(rand() * 455 * 86_400_000));
  const boundary = [new Date("2025-11-30T22:30:00Z"), new Date("2025-11-30T23:30:00Z")];
  for (const [index, organisationId] of [direct.id, inGroup.id, formula.id, outside.id, direct.id, inGroup.id]
    .flatMap((id) => Array.from({ length: 6 }, () => id))
    .entries()) {
    const person = await createUser(db, { organisationId });
    const active = index % 9 !== 4;
    if (!active) await db.update(users).set({ isActive: false }).where(eq(users.id, person.id));
    learnerRows.push({ organisationId, active });
    for (const moduleId of modules.slice(0, 1 + Math.floor(rand() * modules.length))) {
      const a = index < 2 ? boundary[index]! : instant();
      const b = rand() < 0.3 ? instant() : a;
      const completed = rand() < 0.7;
      const completedAt = completed ? (a < b ? a : b) : null;
      const lastCompletedAt = completed ? (a < b ? b : a) : null;
      const lastActivityAt = new Date(Math.max(a.getTime(), b.getTime()) + (rand() < 0.5 ? 3_600_000 : 0));
      const row = { organisationId, userId: person.id, completedAt, lastCompletedAt, lastActivityAt };
      progressRows.push(row);
      await db.insert(moduleProgress).values({
        ...row,
        moduleId,
        moduleVersion: 1,
        completedVersion: completed ? 1 : null,
        startedAt: new Date(lastActivityAt.getTime() - 86_400_000),
      });
      if (completed && rand() < 0.6) {
        const issuedAt = lastCompletedAt!;
        const revoked = rand() < 0.2;
        certificateRows.push({ organisationId, issuedAt, revoked });
        await db.insert(certificates).values({
          code: `code-${crypto.randomUUID()}`,
          userId: person.id,
          organisationId,
          subjectType: "module",
          subjectId: moduleId,
          subjectVersion: 1,
          learnerName: "Agent",
          subjectTitle: moduleId,
          organisationName: "x",
          durationMinutes: 7,
          completedAt: issuedAt,
          issuedAt,
          revokedAt: revoked ? asOf : null,
        });
      }
    }
  }
});

afterAll(async () => {
  await testDb?.close();
});

const within = (at: Date | null) => at !== null && at >= since && at <= asOf;

/** The figures counted one by one from what the test inserted. */
function expectedFor(organisationId: string) {
  const rows = progressRows.filter((r) => r.organisationId === organisationId);
  const completions = rows
    .flatMap((r) => [
      within(r.completedAt) ? monthOf(r.completedAt!) : null,
      r.lastCompletedAt && r.completedAt && r.lastCompletedAt > r.completedAt && within(r.lastCompletedAt)
        ? monthOf(r.lastCompletedAt)
        : null,
    ])
    .filter((m) => m !== null);
  const issued = certificateRows
    .filter((c) => c.organisationId === organisationId && !c.revoked && within(c.issuedAt))
    .map((c) => monthOf(c.issuedAt));

  return {
    enrolled: learnerRows.filter((l) => l.organisationId === organisationId && l.active).length,
    active: new Set(rows.filter((r) => within(r.lastActivityAt)).map((r) => r.userId)).size,
    completions,
    issued,
  };
}

describe("getRegionReport", () => {
  it("gives each establishment under the centre, groups included, the figures counted independently", async () => {
    const report = await getRegionReport(testDb.db, { actor: admin, asOf });

    expect(report.establishments.map((e) => e.name).sort()).toEqual(inScope.map((e) => e.name).sort());
    for (const organisation of inScope) {
      const expected = expectedFor(organisation.id);
      const row = report.establishments.find((e) => e.id === organisation.id)!;
      expect(row).toMatchObject({
        groupName: organisation.group,
        enrolled: expected.enrolled,
        active: expected.active,
        completions: expected.completions.length,
        certificates: expected.issued.length,
      });
      for (const month of parisMonths(asOf)) {
        const cell = report.cells.find((c) => c.establishmentId === organisation.id && c.month === month);
        expect([month, cell?.completions ?? 0, cell?.certificates ?? 0]).toEqual([
          month,
          expected.completions.filter((m) => m === month).length,
          expected.issued.filter((m) => m === month).length,
        ]);
      }
    }
    const all = inScope.map((o) => expectedFor(o.id));
    expect(report.totals).toEqual({
      establishments: 3,
      enrolled: all.reduce((n, e) => n + e.enrolled, 0),
      active: all.reduce((n, e) => n + e.active, 0),
      completions: all.reduce((n, e) => n + e.completions.length, 0),
      certificates: all.reduce((n, e) => n + e.issued.length, 0),
    });
    expect(report.months.map((m) => m.month)).toEqual(parisMonths(asOf));
    expect(report.months.reduce((n, m) => n + m.completions, 0)).toBe(report.totals.completions);
  });

  it("counts a completion at 00:30 in Paris on 1 December in December, and one at 23:30 on 30 November not at all", async () => {
    const report = await getRegionReport(testDb.db, { actor: admin, asOf });
    const december = report.cells.find((c) => c.establishmentId === inScope[0]!.id && c.month === "2025-12");

    expect(parisMonths(asOf)[0]).toBe("2025-12");
    expect(progressRows[0]!.completedAt === null || monthOf(progressRows[0]!.completedAt) === "2025-11").toBe(true);
    expect(december?.completions ?? 0).toBe(
      expectedFor(inScope[0]!.id).completions.filter((m) => m === "2025-12").length,
    );
  });

  it("shows another centre's admin only their own establishments", async () => {
    const report = await getRegionReport(testDb.db, { actor: otherAdmin, asOf });

    expect(report.establishments.map((e) => e.name)).toEqual(["Hors région"]);
  });

  it("answers not_found to a manager and to a learner", async () => {
    await expect(getRegionReport(testDb.db, { actor: manager, asOf })).rejects.toMatchObject({ code: "not_found" });
    await expect(getRegionReport(testDb.db, { actor: learner, asOf })).rejects.toMatchObject({ code: "not_found" });
    await expect(regionCsv(testDb.db, { actor: manager, asOf })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("regionCsv", () => {
  it("writes a BOM, the header and one formula-safe line per establishment and month", async () => {
    let text = "";
    for await (const chunk of await regionCsv(testDb.db, { actor: admin, asOf })) text += chunk;
    const lines = text.slice(1).trimEnd().split("\r\n");

    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe(regionCsvHeader.join(";"));
    expect(lines).toHaveLength(1 + 3 * 12);
    expect(lines.filter((line) => line.startsWith("\"'=HYPERLINK") || line.startsWith("'=HYPERLINK"))).toHaveLength(12);
    expect(lines.some((line) => line.startsWith("=") || line.startsWith('"='))).toBe(false);
    expect(lines[1]).toContain(";01/12/2025;");
    const direct = expectedFor(inScope[0]!.id);
    const total = lines
      .filter((line) => line.startsWith("Centre hospitalier d'Aubagne;"))
      .reduce((n, line) => n + Number(line.split(";")[6]), 0);
    expect(total).toBe(direct.completions.length);
  });
});

describe("sortEstablishments", () => {
  it("sorts by a figure, then by name", () => {
    const rows = [
      { id: "1", name: "Bêta", groupName: null, finess: null, enrolled: 5, active: 1, completions: 3, certificates: 0 },
      { id: "2", name: "alpha", groupName: "G", finess: null, enrolled: 5, active: 2, completions: 9, certificates: 1 },
      {
        id: "3",
        name: "Gamma",
        groupName: null,
        finess: null,
        enrolled: 1,
        active: 0,
        completions: 0,
        certificates: 0,
      },
    ];

    expect(sortEstablishments(rows).map((r) => r.id)).toEqual(["2", "1", "3"]);
    expect(sortEstablishments(rows, "enrolled", "desc").map((r) => r.id)).toEqual(["2", "1", "3"]);
    expect(sortEstablishments(rows, "completions", "asc").map((r) => r.id)).toEqual(["3", "1", "2"]);
  });
});
