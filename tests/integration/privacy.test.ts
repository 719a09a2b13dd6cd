import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accounts,
  auditLog,
  certificates,
  mailOutbox,
  membershipInvitations,
  moduleProgress,
  passwordCredentials,
  reminders,
  userSessions,
  users,
} from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { signedInActor } from "../support/signed-in-actor";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { ERASED_NAME, erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";
import { findPerson } from "@/lib/privacy/find-person";
import { recordEvents } from "@/lib/progress/record-events";
import { cleanPass } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue("tests/fixtures/courses");
const start = new Date("2026-11-02T08:00:00Z");
let testDb: TestDb;
let centre: string;
let hospital: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospital = (await createOrganisation(testDb.db, { parentId: centre })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function personWithHistory() {
  const user = await createUser(testDb.db, {
    organisationId: hospital,
    name: "Françoise Lefèvre-Nguyễn",
    password: "une phrase de passe assez longue",
  });
  const learner = { userId: user.id, organisationId: hospital };
  await recordEvents(testDb.db, {
    learner,
    events: cleanPass(user.id, start),
    catalogue,
    now: new Date("2026-11-02T12:00:00Z"),
  });
  const issued = await issueCertificates(testDb.db, { learner, catalogue });
  await testDb.db
    .insert(mailOutbox)
    .values({ to: user.email!, subject: "Votre lien de connexion", text: "…", kind: "magic_link" });
  await testDb.db
    .insert(auditLog)
    .values({ actorUserId: user.id, action: "sign_in", ipAddress: "203.0.113.7", userAgent: "Firefox" });

  return { user, issued };
}

const admin = async () =>
  (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id))!;

describe("exportPersonalData", () => {
  it("gives the person's account, progress, every event, certificates, mail and audit entries, never a password hash", async () => {
    const { user, issued } = await personWithHistory();
    const data = await exportPersonalData(testDb.db, user.id);

    expect(data.account).toMatchObject({ name: "Françoise Lefèvre-Nguyễn", email: user.email });
    expect(data.learningEvents).toHaveLength(cleanPass(user.id, start).length);
    expect(data.progress[0]).toMatchObject({ moduleId: "demo-module", bestScore: 100 });
    expect(data.certificates.map((c) => c.code).sort()).toEqual(issued.map((c) => c.code).sort());
    expect(data.emails).toHaveLength(1);
    expect(data.auditLog[0]).toMatchObject({ action: "sign_in", ipAddress: "203.0.113.7" });
    expect(JSON.stringify(data)).not.toMatch(/argon2/);
  });

  it("also gives linked identities, sessions, invitations, reminders, quiz draws and the audit rows that name the person by e-mail or login (L7)", async () => {
    const { user } = await personWithHistory();
    const elsewhere = (await createOrganisation(testDb.db, { parentId: centre, name: "Clinique des Tilleuls" })).id;
    await testDb.db.insert(accounts).values({
      userId: user.id,
      type: "oidc",
      provider: "sso:clinique",
      providerAccountId: "sujet-4521",
      access_token: "jeton-secret",
    });
    const now = new Date();
    await testDb.db.insert(userSessions).values({
      userId: user.id,
      method: "password",
      expiresAt: new Date(now.getTime() + 3_600_000),
      lastSeenAt: now,
      authenticatedAt: now,
    });
    await testDb.db
      .insert(membershipInvitations)
      .values({ organisationId: elsewhere, userId: user.id, expiresAt: new Date(now.getTime() + 86_400_000) });
    await testDb.db.insert(reminders).values({ organisationId: hospital, userId: user.id, kind: "manual" });
    // Requests made before sign-in name the account by what was typed, not by id.
    await testDb.db.insert(auditLog).values({
      action: "password_reset.requested",
      targetType: "email",
      targetId: user.email!,
      ipAddress: "198.51.100.4",
    });
    await testDb.db
      .insert(auditLog)
      .values({ action: "sso.refused", targetType: "sso_subject", targetId: "sujet-4521" });
    await testDb.db.insert(auditLog).values({ action: "someone_else", targetId: "autre@vigie.test" });

    const data = await exportPersonalData(testDb.db, user.id);

    expect(data.account.hasPassword).toBe(true);
    expect(data.linkedIdentities).toEqual([
      expect.objectContaining({ provider: "sso:clinique", subject: "sujet-4521" }),
    ]);
    expect(data.sessions).toEqual([expect.objectContaining({ method: "password" })]);
    expect(data.invitations).toEqual([
      expect.objectContaining({ organisation: "Clinique des Tilleuls", status: "pending" }),
    ]);
    expect(data.reminders).toEqual([expect.objectContaining({ kind: "manual" })]);
    expect(data.auditLog.map((row) => row.action)).toEqual(
      expect.arrayContaining(["sign_in", "password_reset.requested", "sso.refused"]),
    );
    expect(data.auditLog.map((row) => row.action)).not.toContain("someone_else");
    expect(JSON.stringify(data)).not.toMatch(/jeton-secret/);
  });
});

describe("erasePersonalData", () => {
  it("removes every piece of personal data, keeps the counts, revokes the certificates and logs the erasure", async () => {
    const { user, issued } = await personWithHistory();
    const actor = await admin();
    const [before] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(moduleProgress)
      .where(eq(moduleProgress.completedAt, moduleProgress.completedAt));

    await erasePersonalData(testDb.db, { actor, userId: user.id });

    const [row] = await testDb.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: ERASED_NAME, email: null, username: null, isActive: false });
    expect(await testDb.db.select().from(passwordCredentials).where(eq(passwordCredentials.userId, user.id))).toEqual(
      [],
    );
    expect(await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email!))).toEqual([]);
    const [after] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(moduleProgress)
      .where(eq(moduleProgress.completedAt, moduleProgress.completedAt));
    expect(after!.n).toBe(before!.n);
    for (const certificate of issued) {
      const check = await verifyCertificate(testDb.db, certificate.code);
      expect(check).toMatchObject({ status: "revoked", learnerName: ERASED_NAME });
    }
    // Nothing in the database names them any more.
    const dump = JSON.stringify([
      await testDb.db.select().from(users).where(eq(users.id, user.id)),
      await testDb.db.select().from(certificates).where(eq(certificates.userId, user.id)),
      await testDb.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id)),
    ]);
    expect(dump).not.toContain("Françoise");
    expect(dump).not.toContain(user.email!);
    expect(dump).not.toContain("203.0.113.7");
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(entry).toMatchObject({ action: "personal_data_erased", actorUserId: actor.userId });
  });

  it("answers not found to anyone but a platform admin, and changes nothing", async () => {
    const { user } = await personWithHistory();
    const manager = (await signedInActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: hospital, role: "manager" })).id,
    ))!;

    await expect(erasePersonalData(testDb.db, { actor: manager, userId: user.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const [row] = await testDb.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe("Françoise Lefèvre-Nguyễn");
  });
});

describe("findPerson", () => {
  it("finds staff who joined with a code by their identifier, and erasure removes it", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital, name: "Mathis Dupont" });
    await testDb.db.update(users).set({ email: null, username: "m.dupont" }).where(eq(users.id, user.id));
    const actor = await admin();

    const found = await findPerson(testDb.db, actor, "  M.Dupont ");
    expect(found).toMatchObject({ id: user.id, email: null, username: "m.dupont", login: "m.dupont" });
    await erasePersonalData(testDb.db, { actor, userId: user.id });
    expect(await findPerson(testDb.db, actor, "m.dupont")).toBeNull();
    const [row] = await testDb.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ username: null, email: null, name: ERASED_NAME });
  });
});
