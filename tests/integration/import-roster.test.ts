import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, users } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { type Actor, loadActor } from "@/lib/auth/load-actor";
import { importRoster, previewRoster } from "@/lib/enrolment/import-roster";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;
let hospital: string;
let other: string;
let manager: Actor;

beforeAll(async () => {
  testDb = await createTestDb();
  hospital = (await createOrganisation(testDb.db)).id;
  other = (await createOrganisation(testDb.db)).id;
  await createTeam(testDb.db, { organisationId: hospital, name: "Urgences" });
  await createTeam(testDb.db, { organisationId: hospital, name: "Accueil" });
  manager = (await loadActor(
    testDb.db,
    (await createUser(testDb.db, { organisationId: hospital, role: "manager" })).id,
  ))!;
});

afterAll(async () => {
  await testDb?.close();
});

const csv = (lines: string[]) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lines.join("\r\n"))]);
const memberCount = async (organisationId: string) =>
  (await testDb.db.select({ n: count() }).from(memberships).where(eq(memberships.organisationId, organisationId)))[0]!
    .n;

describe("importRoster", () => {
  it("previews row by row, then imports new staff with their service", async () => {
    const file = csv([
      "Nom;E-mail;Service",
      "Françoise Lefèvre-Nguyễn;francoise@ch-a.fr;urgences",
      "Karim Benali;karim@ch-a.fr;",
    ]);
    const preview = await previewRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });

    expect(preview.isValid).toBe(true);
    expect(preview.rows.map((r) => r.status)).toEqual(["added", "added"]);
    const result = await importRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });
    expect(result.newAccounts.map((a) => a.email)).toEqual(["francoise@ch-a.fr", "karim@ch-a.fr"]);
    expect(result.invitedAccounts).toEqual([]);
    const [françoise] = await testDb.db.select().from(users).where(eq(users.email, "francoise@ch-a.fr"));
    expect(françoise?.name).toBe("Françoise Lefèvre-Nguyễn");
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "roster_imported"));
    expect(entry?.details).toMatchObject({ added: 2, created: 2 });
  });

  it("changes nothing when the same file is imported twice", async () => {
    const file = csv(["Nom;E-mail;Service", "Léa Roux;lea@ch-a.fr;Accueil"]);
    await importRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });
    const before = await memberCount(hospital);

    const again = await importRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });

    expect(again.counts).toMatchObject({ added: 0, team_changed: 0, unchanged: 1 });
    expect(again.newAccounts).toEqual([]);
    expect(await memberCount(hospital)).toBe(before);
  });

  it("invites an account that exists elsewhere instead of adding it, without showing its stored name", async () => {
    const elsewhere = await createUser(testDb.db, {
      organisationId: other,
      name: "Nadia Colin",
      email: "nadia@ch-b.fr",
    });
    const file = csv(["Nom;E-mail;Service", "N. C.;nadia@ch-b.fr;Urgences", "Jean Marc;jean-marc@ch-a.fr;Urgences"]);
    const preview = await previewRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });

    expect(preview.rows.map((r) => r.status)).toEqual(["invited", "added"]);
    expect(JSON.stringify(preview)).not.toContain("Nadia Colin");
    const result = await importRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });
    expect(result.counts).toMatchObject({ added: 1, invited: 1 });
    expect(result.newAccounts.map((a) => a.email)).toEqual(["jean-marc@ch-a.fr"]);
    expect(result.invitedAccounts.map((a) => a.userId)).toEqual([elsewhere.id]);
    expect(await testDb.db.select({ n: count() }).from(users).where(eq(users.email, "nadia@ch-b.fr"))).toEqual([
      { n: 1 },
    ]);
    const nadia = await loadActor(testDb.db, elsewhere.id);
    expect(nadia?.memberships.map((m) => m.organisationId)).toEqual([other]);

    // The same file again: the invitation is waiting, nothing is sent or added twice.
    const again = await importRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });
    expect(again.counts).toMatchObject({ added: 0, invited: 0, already_invited: 1, unchanged: 1 });
    expect(again.invitedAccounts).toEqual([]);
  });

  it("imports nothing at all when one row is wrong (unknown service, bad e-mail, formula)", async () => {
    const before = await memberCount(hospital);
    for (const bad of [
      "Ana;ana@ch-a.fr;Cardiologie",
      "Ana;pas-une-adresse;Urgences",
      '=HYPERLINK("http://x");ana@ch-a.fr;Urgences',
    ]) {
      const file = csv(["Nom;E-mail;Service", "Bruno Petit;bruno@ch-a.fr;Urgences", bad]);
      const preview = await previewRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file });

      expect(preview.isValid).toBe(false);
      expect(preview.rows[1]?.status).toBe("error");
      await expect(
        importRoster(testDb.db, { actor: manager, organisationId: hospital, bytes: file }),
      ).rejects.toMatchObject({ code: "bad_request" });
    }
    expect(await memberCount(hospital)).toBe(before);
    expect(await testDb.db.select().from(users).where(eq(users.email, "bruno@ch-a.fr"))).toEqual([]);
  });

  it("answers not found to a manager of another establishment, and imports nothing", async () => {
    const outsider = (await loadActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: other, role: "manager" })).id,
    ))!;
    const file = csv(["Nom;E-mail", "Intrus;intrus@ch-b.fr"]);

    await expect(
      previewRoster(testDb.db, { actor: outsider, organisationId: hospital, bytes: file }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      importRoster(testDb.db, { actor: outsider, organisationId: hospital, bytes: file }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await testDb.db.select().from(users).where(eq(users.email, "intrus@ch-b.fr"))).toEqual([]);
  });
});
