import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * Every e-mail Vigie sends. Without SMTP (the embedded default) this is the local mailbox
 * shown outside production; with SMTP it is the record of what was sent and when, stored
 * without its links (lib/mail/send-mail.ts). Purged after MAIL_OUTBOX_RETENTION_DAYS.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    /** When the sign-in, reset or invitation link the stored text still holds stops working; its links are then removed. */
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }),
  },
  (table) => [
    index("mail_outbox_to_idx").on(table.to),
    index("mail_outbox_organisation_id_idx").on(table.organisationId),
    index("mail_outbox_created_at_idx").on(table.createdAt),
    index("mail_outbox_link_expires_at_idx")
      .on(table.linkExpiresAt)
      .where(sql`${table.linkExpiresAt} is not null`),
  ],
);
