import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { appMode, env } from "@/lib/env";

/**
 * The local mailbox (/boite-mail) shows every stored message to whoever opens it, so that the
 * demo works with no mail server. It exists only in demo mode and while SMTP_URL is unset;
 * otherwise (always in production) the page answers 404.
 */
export function isLocalMailboxEnabled(): boolean {
  const config = env();

  return appMode(config) === "demo" && !config.SMTP_URL;
}

const MAILBOX_SIZE = 50;

/** The latest messages, newest first, without their bodies. */
export function listMailbox(db: Db) {
  return db
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(MAILBOX_SIZE);
}

/** One message, or null when the id is unknown or malformed. */
export async function getMailboxMessage(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));

  return row ?? null;
}
