import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * People. The first five columns are the shape Auth.js's Drizzle adapter expects; the
 * adapter inserts only those, so every other column has a default. E-mails are stored
 * lower-cased. Password hashes live in `password_credentials`, never here, so that a
 * session can never carry one (STACK.md pitfall 3).
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email").unique(),
    /** For staff without an e-mail address, who join with a code and sign in with a password. */
    username: text("username").unique(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    locale: text("locale", { enum: ["fr", "en"] })
      .notNull()
      .default("fr"),
    isActive: boolean("is_active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Set when personal data was erased (RGPD): the row stays, anonymised, for aggregate counts. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    /**
     * When an establishment's identity provider created the account: its issuer and the
     * establishment (no foreign key: a record of origin). Only that issuer may later link another
     * of its identities to the account by e-mail (lib/sso/link-sso-identity.ts).
     */
    createdBySsoIssuer: text("created_by_sso_issuer"),
    createdBySsoOrganisationId: uuid("created_by_sso_organisation_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The few deactivated users: reports leave them out with an anti-join on this index instead of
    // looking every learner of an establishment up by primary key.
    index("users_inactive_idx")
      .on(table.id)
      .where(sql`not ${table.isActive}`),
  ],
);

export const passwordCredentials = pgTable("password_credentials", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Auth.js: one row per external identity (OIDC) linked to a user. */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] })],
);

/** Auth.js database sessions (unused with JWT sessions, kept for the adapter's contract). */
export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

/** Auth.js: single-use magic-link tokens (stored hashed by Auth.js). */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
