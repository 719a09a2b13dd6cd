import { boolean, check, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { organisations } from "./organisations";

/**
 * An establishment's reminder settings; no row means the defaults (automatic reminders off,
 * 7 days before the due date, at most one reminder per learner every 7 days).
 */
export const reminderSettings = pgTable(
  "reminder_settings",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    autoEnabled: boolean("auto_enabled").notNull().default(false),
    /** "Before due" reminders go out this many days before the due date, or less. */
    daysBefore: integer("days_before").notNull().default(7),
    /** At least this many days between two reminders to the same learner, manual or automatic. */
    intervalDays: integer("interval_days").notNull().default(7),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("reminder_settings_days_before_range", sql`${table.daysBefore} between 1 and 60`),
    check("reminder_settings_interval_days_range", sql`${table.intervalDays} between 1 and 90`),
  ],
);

export type ReminderSettings = typeof reminderSettings.$inferSelect;
