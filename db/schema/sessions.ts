import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Sessions the server knows (security review M3): the session JWT carries this row's id, and
 * every guard checks it, so that a session ends for good when its row is gone: sign-out, "all
 * devices", a password reset, a manager or admin ending it. `expires_at` is fixed at sign-in
 * (nothing extends it); `last_seen_at` moves with use, for the idle timeout.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** How the person signed in: password, magic_link or sso. */
    method: text("method").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** When the person last proved who they are in this session (sign-in, or re-authentication). */
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull(),
    /** When a second factor was checked in this session; null until then. */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
  },
  (table) => [index("user_sessions_user_idx").on(table.userId), index("user_sessions_expires_idx").on(table.expiresAt)],
);

/**
 * Password attempts per account, for a sliding window (security review M4): a row is written
 * before the password is checked, so that parallel tries count, and taken back when the attempt
 * succeeds or is refused; the rows left are the failures.
 */
export const passwordAttempts = pgTable(
  "password_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    account: text("account").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("password_attempts_account_idx").on(table.account, table.attemptedAt)],
);

export type UserSession = typeof userSessions.$inferSelect;
