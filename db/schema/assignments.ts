import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations, teams } from "./organisations";

/**
 * What an establishment asks its staff to take, and by when: the path or a module, for the
 * whole establishment (team_id null) or one team, optionally renewed every year.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    subjectType: text("subject_type", { enum: ["module", "path"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    renewYearly: boolean("renew_yearly").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("assignments_organisation_id_idx").on(table.organisationId)],
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
