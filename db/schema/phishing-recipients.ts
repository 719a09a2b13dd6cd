import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations, teams } from "./organisations";
import { phishingExercises } from "./phishing-exercises";

/**
 * One person's message in an exercise. The link's token (32 random bytes) is never stored: only
 * its SHA-256, so that a copy of the database (or of the SMTP outbox) leads to nobody's landing page. `sent_at` is the
 * claim (set before the message leaves, so that a restart never sends it again); `delivered_at`
 * is when the mail server, or the local mailbox, took it.
 */
export const phishingRecipients = pgTable(
  "phishing_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => phishingExercises.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The person's service when the exercise was launched: results are counted by it. */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    plannedAt: timestamp("planned_at", { withTimezone: true }).notNull(),
    /** Hex SHA-256 of the link's token, made when the message is claimed for sending. */
    tokenHash: text("token_hash"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    sendError: text("send_error"),
    /** Requests for the link that were not a person's interaction (mail scanners, previews). */
    automaticOpens: integer("automatic_opens").notNull().default(0),
    clickedAt: timestamp("clicked_at", { withTimezone: true }),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    moduleAssignedAt: timestamp("module_assigned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("phishing_recipients_token_hash_key").on(table.tokenHash),
    uniqueIndex("phishing_recipients_exercise_user_key").on(table.exerciseId, table.userId),
    // The per-establishment rate: messages it sent in the last minute.
    index("phishing_recipients_organisation_id_idx").on(table.organisationId, table.sentAt),
    index("phishing_recipients_user_id_idx").on(table.userId),
    // The sender's question: which messages are due and not yet claimed.
    index("phishing_recipients_due_idx")
      .on(table.plannedAt)
      .where(sql`${table.sentAt} is null`),
  ],
);

export type PhishingRecipient = typeof phishingRecipients.$inferSelect;
