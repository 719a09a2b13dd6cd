import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";

/** One drawn question of an attempt, with its choices in the order shown. */
export type DrawnQuestion = { questionId: string; choiceIds: string[] };

/**
 * The questions an attempt at a module's quiz asks: one variant per objective, choices shuffled.
 * Drawn when the learner opens the module, kept until one submission uses it (`submitted_event_id`,
 * claimed once: the same event again is a retry, another event is refused), so that a reload
 * shows the same questions and a retry after seeing the answers draws new ones.
 */
export const quizDraws = pgTable(
  "quiz_draws",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    moduleVersion: integer("module_version").notNull(),
    stepId: text("step_id").notNull(),
    questions: jsonb("questions").$type<DrawnQuestion[]>().notNull(),
    submittedEventId: uuid("submitted_event_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // At most one open draw per learner and module version: two tabs opening the module get the same one.
    uniqueIndex("quiz_draws_open_idx")
      .on(table.userId, table.moduleId, table.moduleVersion)
      .where(sql`${table.submittedEventId} is null`),
    index("quiz_draws_user_module_idx").on(table.userId, table.moduleId, table.createdAt),
    index("quiz_draws_organisation_id_idx").on(table.organisationId),
  ],
);

export type QuizDraw = typeof quizDraws.$inferSelect;
