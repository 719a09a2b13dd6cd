import { runNow } from "@/lib/auth/defer";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailOutbox, passwordResetTokens, rateLimits, verificationTokens } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { sendMagicLinkMail } from "@/lib/auth/send-magic-link-mail";
import { sendInvitations } from "@/lib/enrolment/send-invitations";
import { getMailboxMessage } from "@/lib/mail/local-mailbox";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { type TestDb, createTestDb } from "../support/db";

// Without SMTP (demo mode) the local mailbox shows a link until it expires; the purge then takes
// it out, and removes expired tokens and whatever is past the retention settings.
let testDb: TestDb;
const origin = { ipAddress: "192.0.2.90", userAgent: "vitest" };
const DAY = 86_400_000;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("the local mailbox's links", () => {
  it("keeps each link until it expires, then the purge removes it and keeps the message's record", async () => {
    const now = new Date();
    const organisationId = (await createOrganisation(testDb.db)).id;
    const [resetUser, linkUser, invited] = await Promise.all(
      [1, 2, 3].map(() => createUser(testDb.db, { organisationId })),
    );
    await requestPasswordReset(testDb.db, {
      email: resetUser!.email!,
      baseUrl: "http://localhost:3000",
      origin,
      now,
      defer: runNow,
    });
    await sendMagicLinkMail(testDb.db, {
      to: linkUser!.email!,
      url: "http://localhost:3000/api/auth/callback/nodemailer?token=abcdef0123&email=x",
      now,
    });
    await sendInvitations(testDb.db, {
      organisationId,
      accounts: [{ userId: invited!.id, name: "Invitée", email: invited!.email! }],
      baseUrl: "http://localhost:3000",
      now,
    });
    const message = async (email: string) =>
      (await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)))[0]!;
    const [reset, link, invitation] = await Promise.all(
      [resetUser!, linkUser!, invited!].map((u) => message(u.email!)),
    );

    expect(reset!.linkExpiresAt).toEqual(new Date(now.getTime() + 30 * 60_000));
    expect(link!.linkExpiresAt).toEqual(new Date(now.getTime() + 10 * 60_000));
    expect(invitation!.linkExpiresAt).toEqual(new Date(now.getTime() + 7 * DAY));
    // Still usable a minute later (nothing expired), shown whole by the local mailbox.
    await purgeExpiredData(testDb.db, { now: new Date(now.getTime() + 60_000) });
    expect((await getMailboxMessage(testDb.db, reset!.id))!.text).toMatch(/jeton=/);

    await purgeExpiredData(testDb.db, { now: new Date(now.getTime() + 31 * 60_000) });
    const [resetAfter, linkAfter, invitationAfter] = await Promise.all(
      [reset!, link!, invitation!].map((m) => getMailboxMessage(testDb.db, m.id)),
    );
    for (const gone of [resetAfter!, linkAfter!]) {
      expect(`${gone.text}\n${gone.html}`).not.toMatch(/https?:\/\/|jeton=|token=/);
      expect(gone).toMatchObject({ to: expect.stringContaining("@"), kind: expect.any(String), linkExpiresAt: null });
    }
    expect(invitationAfter!.text).toMatch(/jeton=/);
    await purgeExpiredData(testDb.db, { now: new Date(now.getTime() + 7 * DAY + 1) });
    expect((await getMailboxMessage(testDb.db, invitation!.id))!.text).not.toMatch(/jeton=/);
  });
});

describe("purgeExpiredData", () => {
  it("removes expired and spent tokens, old messages, old audit entries and stale counters, and keeps the rest", async () => {
    const now = new Date("2027-03-15T03:00:00Z");
    const user = await createUser(testDb.db);
    const tag = uniqueSuffix();
    await testDb.db.insert(verificationTokens).values([
      { identifier: `expire-${tag}@vigie.test`, token: `a-${tag}`, expires: new Date(now.getTime() - 1) },
      { identifier: `valide-${tag}@vigie.test`, token: `b-${tag}`, expires: new Date(now.getTime() + 60_000) },
    ]);
    await testDb.db.insert(passwordResetTokens).values([
      { tokenHash: `expired-${tag}`, userId: user.id, expiresAt: new Date(now.getTime() - 1) },
      {
        tokenHash: `spent-${tag}`,
        userId: user.id,
        expiresAt: new Date(now.getTime() + DAY),
        usedAt: new Date(now.getTime() - 60_000),
      },
      { tokenHash: `live-${tag}`, userId: user.id, expiresAt: new Date(now.getTime() + 7 * DAY) },
    ]);
    const messages = await testDb.db
      .insert(mailOutbox)
      .values(
        [31, 29].map((days) => ({
          to: `m${days}-${tag}@vigie.test`,
          subject: "Relance",
          text: "…",
          kind: "reminder_manual",
          createdAt: new Date(now.getTime() - days * DAY),
        })),
      )
      .returning({ to: mailOutbox.to });
    await testDb.db.insert(auditLog).values([
      { action: "sign_out", targetId: `old-${tag}`, occurredAt: new Date("2026-03-14T03:00:00Z") },
      { action: "sign_out", targetId: `kept-${tag}`, occurredAt: new Date("2026-03-16T03:00:00Z") },
    ]);
    await testDb.db.insert(rateLimits).values([
      { key: `test:stale-${tag}`, windowStart: new Date(now.getTime() - 2 * DAY), count: 3 },
      { key: `test:current-${tag}`, windowStart: new Date(now.getTime() - 60_000), count: 3 },
    ]);

    const counts = await purgeExpiredData(testDb.db, { now });

    // At least these rows (the other test's tokens and messages are past too, by then).
    for (const key of [
      "verificationTokens",
      "passwordResetTokens",
      "outboxMessages",
      "auditEntries",
      "rateLimits",
    ] as const)
      expect(counts[key]).toBeGreaterThanOrEqual(1);
    expect((await testDb.db.select().from(verificationTokens)).map((t) => t.token)).toEqual([`b-${tag}`]);
    expect(
      (await testDb.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).map(
        (t) => t.tokenHash,
      ),
    ).toEqual([`live-${tag}`]);
    expect(
      (
        await testDb.db
          .select()
          .from(mailOutbox)
          .where(
            inArray(
              mailOutbox.to,
              messages.map((m) => m.to),
            ),
          )
      ).map((m) => m.to),
    ).toEqual([`m29-${tag}@vigie.test`]);
    expect(
      (
        await testDb.db
          .select()
          .from(auditLog)
          .where(inArray(auditLog.targetId, [`old-${tag}`, `kept-${tag}`]))
      ).map((e) => e.targetId),
    ).toEqual([`kept-${tag}`]);
    expect(
      (
        await testDb.db
          .select()
          .from(rateLimits)
          .where(inArray(rateLimits.key, [`test:stale-${tag}`, `test:current-${tag}`]))
      ).map((r) => r.key),
    ).toEqual([`test:current-${tag}`]);
    // A second run finds nothing more; shorter settings reach further back.
    expect(await purgeExpiredData(testDb.db, { now })).toMatchObject({
      verificationTokens: 0,
      passwordResetTokens: 0,
      outboxMessages: 0,
      auditEntries: 0,
      rateLimits: 0,
    });
    expect(await purgeExpiredData(testDb.db, { now, auditLogMonths: 6, mailOutboxDays: 7 })).toMatchObject({
      auditEntries: 1,
    });
    expect(
      await testDb.db
        .select()
        .from(mailOutbox)
        .where(
          inArray(
            mailOutbox.to,
            messages.map((m) => m.to),
          ),
        ),
    ).toEqual([]);
  });

  it("deletes a large backlog in several batches", async () => {
    const now = new Date("2027-06-01T00:00:00Z");
    const tag = uniqueSuffix();
    await testDb.db.execute(
      // 12,001 old entries: three batches of 5,000 at most.
      sql`insert into audit_log (action, target_id, occurred_at) select 'sign_out', ${`bulk-${tag}`}, ${"2025-01-01T00:00:00Z"}::timestamptz from generate_series(1, 12001)`,
    );

    expect((await purgeExpiredData(testDb.db, { now })).auditEntries).toBeGreaterThanOrEqual(12_001);
    expect(
      await testDb.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, `bulk-${tag}`)),
    ).toEqual([]);
  });
});
