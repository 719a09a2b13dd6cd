import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallserial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { organisations } from "./organisations";

/**
 * Every learner action the server accepted, exactly once: `event_id` is made by the
 * browser, and (user_id, event_id) is the primary key, so a retry or a second tab changes
 * nothing. Each insert maintains two indexes only (this key, and (organisation_id, received_at) for the
 * establishment's reports and its cascade); lookups by learner use the key's prefix.
 */
export const learningEvents = pgTable(
  "learning_events",
  {
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    moduleVersion: integer("module_version").notNull(),
    kind: text("kind").notNull(),
    stepId: text("step_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** When the browser says it happened; `received_at` is when the server stored it. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.eventId] }),
    // (organisation_id, received_at) rather than organisation_id alone: the same number of indexes
    // to maintain on insert, and the events an establishment received in a period are a range of it
    // (the most-missed questions read the last day or two there).
    index("learning_events_organisation_id_received_at_idx").on(table.organisationId, table.receivedAt),
  ],
);

/**
 * One row per learner and module that only moves forward: furthest step, best score,
 * first completion kept, latest completion kept. Written together with the event that moved it.
 */
export const moduleProgress = pgTable(
  "module_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleVersion: integer("module_version").notNull(),
    furthestStepIndex: integer("furthest_step_index").notNull().default(0),
    /** Step of the latest event (where "Reprendre" goes back to), and its index for tie-breaks. */
    lastStepId: text("last_step_id"),
    lastStepIndex: integer("last_step_index").notNull().default(0),
    /** Best quiz score, in percent. */
    bestScore: integer("best_score"),
    /** Earliest time the quiz was passed. */
    quizPassedAt: timestamp("quiz_passed_at", { withTimezone: true }),
    /** Earliest time the last step was reached. */
    reachedEndAt: timestamp("reached_end_at", { withTimezone: true }),
    /** Later of reached_end_at and quiz_passed_at: a pure function of them, whatever the order events came in. */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedVersion: integer("completed_version"),
    /**
     * Latest event that finishes the module on its own: a passing quiz submission (module with a
     * quiz) or a view of the last step (module without one). Kept with greatest(), even before
     * the first completion, so that any order of events gives the same row.
     */
    lastFinishAt: timestamp("last_finish_at", { withTimezone: true }),
    /**
     * Latest completion (yearly renewal counts this one): null until completed_at is set, then
     * greatest(completed_at, last_finish_at). Equals completed_at until the module is taken again.
     */
    lastCompletedAt: timestamp("last_completed_at", { withTimezone: true }),
    timeSpentSeconds: integer("time_spent_seconds").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.moduleId] }),
    index("module_progress_organisation_id_idx").on(table.organisationId),
    // The dashboard's monthly trend: an establishment's completions of a month are a range of it,
    // counted from the index alone. Partial, so that a new progress row adds nothing to it, and
    // completed_at changes once per row: later updates stay HOT.
    index("module_progress_organisation_id_completed_at_idx")
      .on(table.organisationId, table.completedAt)
      .where(sql`${table.completedAt} is not null`),
    // The region view's renewals: the modules completed again, by the latest completion (few rows).
    index("module_progress_organisation_id_renewed_idx")
      .on(table.organisationId, table.lastCompletedAt)
      .where(sql`${table.lastCompletedAt} > ${table.completedAt}`),
  ],
);

/**
 * A position for every module that has progress, given on first sight by the triggers that keep
 * memberships.module_completions and module_activity (migration 0007): the index of the module's
 * element in those arrays. Positions never change; a module that has left the catalogue keeps its.
 */
export const moduleKeys = pgTable("module_keys", {
  moduleId: text("module_id").primaryKey(),
  position: smallserial("position").notNull().unique(),
});

/**
 * Graded quiz answers counted per establishment, day (UTC) the server received them, module and
 * question, from the quiz_submitted events of days that are over (received_at is the database's
 * clock when the event was stored, so no learner can add to a past day), so that the most-missed
 * questions read a few thousand counters rather than parse a year of events. Derived, never
 * written by the progress path: filled on read by lib/read-model/quiz-answer-days.ts up to
 * quiz_answer_coverage.closed_before, and thrown away by triggers on learning_events
 * (migrations 0005 and 0006) when an event of a covered day is inserted, changed or deleted.
 */
export const quizAnswerDays = pgTable(
  "quiz_answer_days",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    moduleId: text("module_id").notNull(),
    questionId: text("question_id").notNull(),
    answers: integer("answers").notNull(),
    wrong: integer("wrong").notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.day, table.moduleId, table.questionId] })],
);

/**
 * How far quiz_answer_days goes for an establishment: every quiz_submitted event received
 * before `closed_before` (UTC midnight) is counted there; null: nothing is (never counted, or
 * thrown away). The row also serialises the establishments's counting (SELECT … FOR UPDATE).
 */
export const quizAnswerCoverage = pgTable("quiz_answer_coverage", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  closedBefore: timestamp("closed_before", { withTimezone: true }),
  /** Counts up each time counted days are thrown away (migration 0009's trigger on quiz_answer_days). */
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
  /**
   * The sums per question of the counted days in [totals_from, totals_until), kept by
   * mostMissedQuestions() for the generation they were summed in and cleared with it, so that
   * the twelve months of counted days are summed once a day rather than on every dashboard.
   */
  totalsFrom: date("totals_from", { mode: "string" }),
  totalsUntil: date("totals_until", { mode: "string" }),
  totals: jsonb("totals"),
});

/**
 * The dashboard's figures of an establishment as last counted (lib/read-model/dashboard-cache.ts),
 * in parts: one per team, `learners:<team id>` and `learners:none` for the learners without a
 * team (learners by status for each assignment, from their memberships), and `months`
 * (completions of the months that are over, from module_progress). A part is served again as long
 * as nothing it is counted from has changed, so that a write makes only its team counted again.
 * `armed` is set, under an exclusive advisory lock of the establishment, before the part is
 * counted in a later snapshot; every writer of what it is counted from takes that lock shared and
 * clears `armed` (dashboard_cache_touch(), migration 0009), so that a part is served again only
 * when no write has come since it was counted. `generation` names each arming, so that figures
 * counted for an earlier one are never kept.
 */
export const dashboardCache = pgTable(
  "dashboard_cache",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    part: text("part").notNull(),
    generation: bigint("generation", { mode: "number" }).notNull().default(0),
    armed: boolean("armed").notNull().default(false),
    /** SHA-256 of the counting statement (text and parameters): the assignments, their cycles and modules; the months. */
    statementKey: text("statement_key"),
    cachedGeneration: bigint("cached_generation", { mode: "number" }),
    /** The counting statement's rows. */
    figures: jsonb("figures"),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.part] })],
);

export type LearningEvent = typeof learningEvents.$inferSelect;
export type ModuleProgress = typeof moduleProgress.$inferSelect;
