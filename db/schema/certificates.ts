import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";

export const certificateSubjects = ["module", "path"] as const;

/**
 * A certificate, issued once per learner, subject and completion: the first completion, then
 * one per later yearly cycle of a renewed assignment (lib/certificates/issue-certificates.ts),
 * re-issued only under a corrected name (lib/certificates/reissue-certificate.ts).
 * What it says (name, title, establishment, date) is copied at issue so that the PDF and the
 * verification page never change.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Public verification code: at least 128 random bits. */
    code: text("code").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    subjectType: text("subject_type", { enum: certificateSubjects }).notNull(),
    subjectId: text("subject_id").notNull(),
    subjectVersion: integer("subject_version").notNull(),
    learnerName: text("learner_name").notNull(),
    subjectTitle: text("subject_title").notNull(),
    organisationName: text("organisation_name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    /** Whether the public verification page may show the reason (the manager chooses). */
    revokedReasonPublic: boolean("revoked_reason_public").notNull().default(false),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * Set when the learner had it re-issued under a corrected name: the certificate that replaces
     * it (same subject, version and completion date, new code). A replaced certificate is no
     * longer offered nor counted; its public page says so and links to the replacement.
     */
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
    replacedBy: uuid("replaced_by").references((): AnyPgColumn => certificates.id, { onDelete: "set null" }),
  },
  (table) => [
    // One current certificate per completion; the ones it replaced keep the same completion date.
    uniqueIndex("certificates_user_id_subject_completed_at_key")
      .on(table.userId, table.subjectType, table.subjectId, table.completedAt)
      .where(sql`${table.replacedAt} is null`),
    // An establishment's certificates, and those issued in a period (the region view, per month).
    index("certificates_organisation_id_issued_at_idx").on(table.organisationId, table.issuedAt),
  ],
);

export type Certificate = typeof certificates.$inferSelect;
