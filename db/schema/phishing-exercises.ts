import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";
import { phishingCampaigns } from "./phishing-campaigns";

export const phishingExerciseStates = ["draft", "running", "paused", "cancelled", "done"] as const;
export type PhishingExerciseState = (typeof phishingExerciseStates)[number];

/**
 * A phishing exercise of one establishment: one scenario (lib/phishing/scenarios.ts) sent to its
 * staff, or to some services, at random times over `working_days` working days from
 * `window_starts_on` (Paris). It cannot run before a manager confirmed that staff were told
 * (RGPD duty to inform; code du travail L.1222-4): who and when are kept with it.
 */
export const phishingExercises = pgTable(
  "phishing_exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Set when the centre runs it for several establishments (phishing-campaigns.ts): launched from there. */
    campaignId: uuid("campaign_id").references(() => phishingCampaigns.id, { onDelete: "set null" }),
    scenarioId: text("scenario_id").notNull(),
    /** The services aimed at; empty means the whole establishment. */
    teamIds: uuid("team_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** First day of the window, Europe/Paris calendar (YYYY-MM-DD). */
    windowStartsOn: date("window_starts_on", { mode: "string" }).notNull(),
    workingDays: integer("working_days").notNull(),
    state: text("state", { enum: phishingExerciseStates }).notNull().default("draft"),
    /** Whether those who click get the phishing module assigned. */
    assignModuleOnClick: boolean("assign_module_on_click").notNull().default(true),
    staffInformedAt: timestamp("staff_informed_at", { withTimezone: true }),
    staffInformedBy: uuid("staff_informed_by").references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
    /** When it was cancelled or its last message went: the retention period counts from here. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    index("phishing_exercises_organisation_id_idx").on(table.organisationId, table.createdAt),
    index("phishing_exercises_running_idx")
      .on(table.state)
      .where(sql`${table.state} = 'running'`),
    index("phishing_exercises_campaign_id_idx")
      .on(table.campaignId)
      .where(sql`${table.campaignId} is not null`),
    check("phishing_exercises_working_days_range", sql`${table.workingDays} between 1 and 20`),
    // A draft cancelled before its launch was never sent, so its staff need not have been told.
    check(
      "phishing_exercises_informed_before_launch",
      sql`${table.state} in ('draft', 'cancelled') or ${table.staffInformedAt} is not null`,
    ),
  ],
);

export type PhishingExercise = typeof phishingExercises.$inferSelect;
