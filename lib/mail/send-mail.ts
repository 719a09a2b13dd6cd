import { eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { withoutLinks } from "./remove-links";

export type SendMailOptions = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What the message is for: "magic_link", "password_reset"… */
  kind: string;
  organisationId?: string | null;
  /** When the message's sign-in, reset or invitation link stops working: the local mailbox keeps it until then. */
  linkExpiresAt?: Date;
};

export type SentMail = { id: string; sentAt: Date | null; error: string | null };

/** SMTP connections kept open and used side by side: a reminder to a whole establishment sends thousands of messages. */
export const SMTP_CONNECTIONS = 4;

// The promise is kept, not its result: senders that start together (reminders go four at a
// time) all wait for the one transport rather than each making a pool of its own.
let transport: { url: string; transporter: Promise<Transporter> } | undefined;

function transporterFor(url: string): Promise<Transporter> {
  if (transport?.url !== url) {
    // Pooled: one TCP and TLS handshake per connection, not per message (bench:reminders
    // measures the difference; docs/performance.md).
    const transporter = import("nodemailer").then(({ createTransport }) =>
      createTransport({ url, pool: true, maxConnections: SMTP_CONNECTIONS }),
    );
    transport = { url, transporter };
  }

  return transport.transporter;
}

/**
 * Closes the SMTP connections the pool keeps open, so that a command-line run (reminders:send)
 * exits when its work is done rather than when the connections' idle timeout (4 minutes) ends.
 */
export async function closeMail(): Promise<void> {
  const closing = transport?.transporter;
  transport = undefined;
  (await closing)?.close();
}

/**
 * Keeps every message in mail_outbox; when SMTP_URL is set, also sends it and records when,
 * or why it failed. A failure to send is recorded and logged, never thrown: the caller's
 * answer to the user must not depend on whether the mail server is up.
 *
 * Over SMTP the stored copy never holds the message's links (nothing resends it), so a copy of
 * the table or a backup opens no account; without SMTP the local mailbox needs the link, which
 * the purge removes once it expires (lib/retention/purge-expired-data.ts).
 */
export async function sendMail(db: Db, options: SendMailOptions): Promise<SentMail> {
  const { SMTP_URL, MAIL_FROM } = env();
  const [row] = await db
    .insert(mailOutbox)
    .values({
      to: options.to,
      subject: options.subject,
      text: SMTP_URL ? withoutLinks(options.text) : options.text,
      html: SMTP_URL ? withoutLinks(options.html) : options.html,
      kind: options.kind,
      organisationId: options.organisationId ?? null,
      linkExpiresAt: SMTP_URL ? null : (options.linkExpiresAt ?? null),
    })
    .returning({ id: mailOutbox.id });
  const id = row!.id;
  if (!SMTP_URL) return { id, sentAt: null, error: null };

  try {
    const transporter = await transporterFor(SMTP_URL);
    await transporter.sendMail({
      from: MAIL_FROM,
      to: options.to,
      subject: options.subject,
      text: options.text,
      html: options.html,
    });
    const sentAt = new Date();
    await db.update(mailOutbox).set({ sentAt }).where(eq(mailOutbox.id, id));

    return { id, sentAt, error: null };
  } catch (caught) {
    const error = caught instanceof Error ? caught.message : String(caught);
    console.error(`[mail] could not send ${options.kind} message ${id}: ${error}`);
    await db.update(mailOutbox).set({ error }).where(eq(mailOutbox.id, id));

    return { id, sentAt: null, error };
  }
}
