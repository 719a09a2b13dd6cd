import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations, teams } from "./organisations";

/**
 * What an establishment asks its staff to take, and by when: the path or a module, for the
 * whole establishment (team_id and user_id null), one team, or one person (user_id: the phishing
 * module after a click in an exercise), optionally renewed every year.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    /** One person's own assignment; nothing says why, to anyone but them (lib/phishing). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    subjectType: text("subject_type", { enum: ["module", "path"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    renewYearly: boolean("renew_yearly").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("assignments_organisation_id_idx").on(table.organisationId),
    // A person is assigned a subject once by an establishment: a second click assigns nothing more.
    uniqueIndex("assignments_person_subject_key")
      .on(table.userId, table.organisationId, table.subjectType, table.subjectId)
      .where(sql`${table.userId} is not null`),
    check("assignments_team_or_person", sql`${table.teamId} is null or ${table.userId} is null`),
  ],
);

/** Every reminder sent to a learner, by hand or automatically, so none is sent too often. */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assignmentId: uuid("assignment_id").references(() => assignments.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["manual", "before_due", "after_due"] }).notNull(),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("reminders_organisation_id_idx").on(table.organisationId),
    index("reminders_user_id_sent_at_idx").on(table.userId, table.sentAt),
  ],
);
