import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import type { Defer } from "@/lib/auth/defer";
import { rowsOf } from "../support/db-rows";
import { type TestDb, createTestDb } from "../support/db";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

/**
 * Review M13: link and reset requests must not let anyone tell, by the time of the answer, which
 * addresses have an account. Before answering, a known and an unknown address take the same
 * statements; the token and the SMTP round trip come after, through `defer`. Checked by
 * structure (what the database and the mail server saw at the moment of the answer), not by time.
 */

let sink: SmtpSink;
let testDb: TestDb;
let requests = 0;
// Each request from an address of its own: a counter row made by the first would be reused by the second.
const origin = () => ({ ipAddress: `192.0.2.${100 + ++requests}`, userAgent: "vitest" });

beforeAll(async () => {
  sink = await startSmtpSink();
  // lib/env.ts reads the settings once: this file's modules have not read them yet.
  process.env.SMTP_URL = sink.url;
  testDb = await createTestDb();
});

afterAll(async () => {
  const { closeMail } = await import("@/lib/mail/send-mail");
  await closeMail();
  delete process.env.SMTP_URL;
  await testDb?.close();
  await sink?.close();
});

/** How many rows each table a link request may touch holds now. */
async function counts() {
  const tables = ["rate_limits", "audit_log", "password_reset_tokens", "verification_tokens", "mail_outbox"];
  const entries = await Promise.all(
    tables.map(
      async (table) =>
        [
          table,
          Number(
            rowsOf<{ n: number }>(await testDb.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n,
          ),
        ] as const,
    ),
  );

  return Object.fromEntries(entries);
}

/** What a request changes before it answers, and the work it left for after the response. */
async function beforeTheAnswer(request: (defer: Defer) => Promise<unknown>) {
  const deferred: (() => Promise<unknown>)[] = [];
  const start = await counts();
  const answer = await request((_label, work) => void deferred.push(work));
  const end = await counts();
  const changed = Object.fromEntries(Object.keys(start).map((table) => [table, end[table]! - start[table]!]));

  return { answer, changed, deferred };
}

describe("requestPasswordReset", () => {
  it("answers a known and an unknown address alike, with the same writes and no mail, and mails the known one after", async () => {
    const { requestPasswordReset } = await import("@/lib/auth/password-reset");
    const known = await createUser(testDb.db, { organisationId: (await createOrganisation(testDb.db)).id });
    const ask = (email: string) => (defer: Defer) =>
      requestPasswordReset(testDb.db, { email, baseUrl: "https://vigie.example.org", origin: origin(), defer });

    const forKnown = await beforeTheAnswer(ask(known.email!));
    const forUnknown = await beforeTheAnswer(ask("personne-inconnue@vigie.test"));

    expect(forKnown.answer).toEqual({ status: "sent" });
    expect(forUnknown.answer).toEqual(forKnown.answer);
    expect(forKnown.changed).toEqual(forUnknown.changed);
    expect(forKnown.changed).toMatchObject({ password_reset_tokens: 0, mail_outbox: 0, audit_log: 0 });
    expect(sink.received).toHaveLength(0);
    // After the response: each its audit entry; the known one also the token, then the mail through SMTP.
    expect(forUnknown.deferred).toHaveLength(1);
    for (const work of [...forKnown.deferred, ...forUnknown.deferred]) await work();
    expect(await counts()).toMatchObject({ password_reset_tokens: 1, mail_outbox: 1 });
    await expect.poll(() => sink.received.filter((m) => m.to === known.email).length).toBe(1);
    expect(sink.received[0]!.text.replace(/=\r?\n/g, "").replace(/=3D/g, "=")).toMatch(/jeton=[\w-]{20,}/);
  });
});

describe("requestMagicLink and issueMagicLink", () => {
  it("decides with the same writes for a known and an unknown address; the token and mail come after, and Auth.js finds the token", async () => {
    const { requestMagicLink } = await import("@/lib/auth/request-magic-link");
    const { issueMagicLink, magicLinkTokenHash } = await import("@/lib/auth/send-magic-link-mail");
    const known = await createUser(testDb.db, { organisationId: (await createOrganisation(testDb.db)).id });

    const forKnown = await beforeTheAnswer((defer) =>
      requestMagicLink(testDb.db, { email: known.email!, origin: origin(), defer }),
    );
    const forUnknown = await beforeTheAnswer((defer) =>
      requestMagicLink(testDb.db, { email: "autre-inconnu@vigie.test", origin: origin(), defer }),
    );
    expect(forKnown.changed).toEqual(forUnknown.changed);
    expect(forKnown.changed).toMatchObject({ verification_tokens: 0, mail_outbox: 0, audit_log: 0 });
    // The audit entry of each comes after the response.
    for (const request of [forKnown, forUnknown]) for (const work of request.deferred) await work();

    // What lib/auth/index.ts runs after the response for the known address.
    const token = "0123456789abcdef0123456789abcdef";
    const expires = new Date(Date.now() + 600_000);
    await issueMagicLink(testDb.db, {
      identifier: known.email!,
      token,
      expires,
      url: `https://vigie.example.org/api/auth/callback/nodemailer?token=${token}`,
      secret: "un-secret-de-test",
    });
    const adapter = DrizzleAdapter(testDb.db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    });
    // Auth.js's callback looks the token up by SHA-256(token + secret) in hex, and spends it.
    const { createHash } = await import("node:crypto");
    expect(magicLinkTokenHash(token, "un-secret-de-test")).toBe(
      createHash("sha256").update(`${token}un-secret-de-test`).digest("hex"),
    );
    expect(
      await adapter.useVerificationToken!({
        identifier: known.email!,
        token: magicLinkTokenHash(token, "un-secret-de-test"),
      }),
    ).toMatchObject({ identifier: known.email });
    await expect.poll(() => sink.received.filter((m) => m.to === known.email).length).toBe(1);
  });
});
