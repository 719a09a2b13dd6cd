import { runNow } from "@/lib/auth/defer";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type TestDb, createTestDb } from "../support/db";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// M7 (security review): a message delivered over SMTP leaves no usable link in mail_outbox, so a
// copy of the table or a backup opens no account; the recipient still gets a link that works.
let sink: SmtpSink;
let testDb: TestDb;
const origin = { ipAddress: "192.0.2.80", userAgent: "vitest" };

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

/** The body the SMTP server received for `to`, quoted-printable soft breaks and `=3D` undone. */
function received(to: string): string {
  const mail = sink.received.find((m) => m.to === to);

  return mail ? mail.text.replace(/=\r?\n/g, "").replace(/=3D/g, "=") : "";
}

describe("mail_outbox over SMTP", () => {
  it("keeps who, what and when of reset, sign-in and invitation messages, never their links", async () => {
    const { requestPasswordReset, resetPassword } = await import("@/lib/auth/password-reset");
    const { sendMagicLinkMail } = await import("@/lib/auth/send-magic-link-mail");
    const { sendInvitations } = await import("@/lib/enrolment/send-invitations");
    const organisationId = (await createOrganisation(testDb.db)).id;
    const [resetUser, linkUser, invited] = await Promise.all(
      [1, 2, 3].map(() => createUser(testDb.db, { organisationId })),
    );

    await requestPasswordReset(testDb.db, {
      email: resetUser!.email!,
      baseUrl: "https://vigie.example.org",
      origin,
      defer: runNow,
    });
    await sendMagicLinkMail(testDb.db, {
      to: linkUser!.email!,
      url: "https://vigie.example.org/api/auth/callback/nodemailer?token=0123456789abcdef&email=x",
    });
    await sendInvitations(testDb.db, {
      organisationId,
      accounts: [{ userId: invited!.id, name: "Invitée", email: invited!.email! }],
      baseUrl: "https://vigie.example.org",
    });
    await expect.poll(() => sink.received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

    const token = /jeton=([\w-]+)/.exec(received(resetUser!.email!))![1]!;
    expect(received(linkUser!.email!)).toContain("token=0123456789abcdef");
    expect(received(invited!.email!)).toMatch(/jeton=[\w-]{20,}/);
    for (const user of [resetUser!, linkUser!, invited!]) {
      const [row] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email!));
      expect(row!.sentAt).not.toBeNull();
      expect(row!.subject).not.toBe("");
      expect(`${row!.text}\n${row!.html}`).not.toMatch(/https?:\/\/|jeton=|token=/);
      expect(row!.text).toContain("[lien retiré]");
      expect(row!.linkExpiresAt).toBeNull();
    }
    // The link the person received still works.
    await resetPassword(testDb.db, { token, password: "une nouvelle phrase secrète", origin });
  });
});
