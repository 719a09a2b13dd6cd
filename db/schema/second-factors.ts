import { bigint, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * A person's TOTP second factor (RFC 6238), once confirmed with a first code. The secret is
 * sealed with a key derived from AUTH_SECRET (lib/auth/second-factor/seal-totp-secret.ts);
 * `last_step` is the time step of the last code accepted, so that no code is accepted twice.
 */
export const userSecondFactors = pgTable("user_second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  lastStep: bigint("last_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Ten single-use recovery codes per person, shown once: only SHA-256 of the user id and the code
 * is kept (80 random bits per code: no offline guessing, so no slow hash is needed).
 */
export const secondFactorRecoveryCodes = pgTable(
  "second_factor_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("second_factor_recovery_codes_hash_key").on(table.userId, table.codeHash)],
);

export type UserSecondFactor = typeof userSecondFactors.$inferSelect;
