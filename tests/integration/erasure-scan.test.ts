import { runNow } from "@/lib/auth/defer";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, organisations, users, verificationTokens } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { recordAudit } from "@/lib/audit/record-audit";
import { attemptPasswordSignIn } from "@/lib/auth/attempt-password-sign-in";
import { signedInActor } from "../support/signed-in-actor";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestMagicLink } from "@/lib/auth/request-magic-link";
import { sendMagicLinkMail } from "@/lib/auth/send-magic-link-mail";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { reportSuspectMessage } from "@/lib/phishing/report-suspect-message";
import { erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { recordEvents } from "@/lib/progress/record-events";
import { cleanPass } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

// K1 (security review): after an erasure, no text column of any table holds the person's e-mail,
// login, SSO subject or name, wherever the sign-in, reset, SSO and incident paths put them.
const catalogue = loadCatalogue("tests/fixtures/courses");
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

/** Every (table, column) of the public schema whose values read as text. */
async function textColumns(): Promise<{ table: string; column: string }[]> {
  const result = await testDb.db
    .execute(sql`select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or (data_type = 'ARRAY' and udt_name in ('_text', '_varchar')))
    order by table_name, column_name`);

  return (result as unknown as { rows: { table: string; column: string }[] }).rows;
}

/** "table.column" for each place where `needle` still appears, whatever its case. */
async function placesHolding(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumns()) {
    const query = sql`select count(*)::int as n from ${sql.identifier(table)} where strpos(lower(${sql.identifier(column)}::text), lower(${needle})) > 0`;
    const { rows } = (await testDb.db.execute(query)) as unknown as { rows: { n: number }[] };
    if (rows[0]!.n > 0) found.push(`${table}.${column}`);
  }

  return found;
}

describe("erasePersonalData leaves nothing behind", () => {
  it("finds the erased e-mail, login, SSO subject and name in no text column of any table", async () => {
    const suffix = uniqueSuffix();
    const centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const hospital = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const name = `Françoise Lefèvre-Nguyễn ${suffix}`;
    const user = await createUser(testDb.db, {
      organisationId: hospital,
      name,
      password: "une phrase de passe assez longue",
    });
    const email = user.email!;
    const username = `f.lefevre-${suffix}`;
    const subject = `rpps-81${suffix}`;
    await testDb.db.update(users).set({ username }).where(eq(users.id, user.id));
    const origin = { ipAddress: "198.51.100.61", userAgent: "Mozilla/5.0 vitest" };
    const learner = { userId: user.id, organisationId: hospital };

    // Progress and certificates; sign-in, link and reset traces; an SSO identity; the incident contact.
    await recordEvents(testDb.db, { learner, events: cleanPass(user.id, new Date()), catalogue });
    await issueCertificates(testDb.db, { learner, catalogue });
    await attemptPasswordSignIn(testDb.db, { identifier: email, password: "pas le bon mot de passe", origin });
    await attemptPasswordSignIn(testDb.db, { identifier: username, password: "pas le bon non plus", origin });
    await requestMagicLink(testDb.db, { email, origin, defer: runNow });
    await sendMagicLinkMail(testDb.db, {
      to: email,
      url: `http://localhost/api/auth/callback/nodemailer?token=abc&email=${encodeURIComponent(email)}`,
    });
    await testDb.db
      .insert(verificationTokens)
      .values({ identifier: email, token: `hashed-${suffix}`, expires: new Date(Date.now() + 600_000) });
    await requestPasswordReset(testDb.db, { email, baseUrl: "http://localhost", origin, defer: runNow });
    await testDb.db
      .insert(accounts)
      .values({ userId: user.id, type: "oidc", provider: `sso-${hospital}`, providerAccountId: subject });
    await recordAudit(testDb.db, {
      action: "sso.identity_linked",
      actorUserId: user.id,
      origin,
      targetType: "sso_subject",
      targetId: subject,
      details: { issuer: "https://idp.example.org" },
    });
    await recordAudit(testDb.db, {
      action: "sign_in.failed",
      organisationId: hospital,
      origin,
      targetType: "sso_subject",
      targetId: subject,
      details: { method: "sso", reason: "not_linked" },
    });
    await recordAudit(testDb.db, {
      action: "sign_in.failed",
      organisationId: hospital,
      origin,
      details: { method: "sso", reason: "refused", detail: `no account for ${email}` },
    });
    await testDb.db
      .update(organisations)
      .set({
        incidentContactName: name,
        incidentContactPhone: "01 23 45 67 89",
        incidentContactEmail: email.toUpperCase(),
      })
      .where(eq(organisations.id, hospital));
    // A suspect message they reported: the copy of the mail to the contact names them.
    await reportSuspectMessage(testDb.db, {
      reporter: { userId: user.id, name, email, organisationIds: [hospital] },
      establishment: { organisationId: hospital, name: "Hôpital" },
      pasted: "Un message bizarre",
      now: new Date(),
    });
    for (const needle of [email, username, subject, name]) expect(await placesHolding(needle)).not.toEqual([]);

    const admin = (await signedInActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id,
    ))!;
    await erasePersonalData(testDb.db, { actor: admin, userId: user.id });

    expect({
      email: await placesHolding(email),
      username: await placesHolding(username),
      subject: await placesHolding(subject),
      name: await placesHolding(name),
    }).toEqual({ email: [], username: [], subject: [], name: [] });
    // The audit rows that named them keep what happened, not where from.
    const traces = await testDb.db.select().from(auditLog).where(eq(auditLog.ipAddress, origin.ipAddress));
    expect(traces).toEqual([]);
    const [contact] = await testDb.db
      .select({ phone: organisations.incidentContactPhone })
      .from(organisations)
      .where(eq(organisations.id, hospital));
    expect(contact!.phone).toBeNull();
  });
});
