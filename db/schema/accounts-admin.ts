import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations, teams } from "./organisations";

/** Single-use password reset links; only a hash of the token is stored. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("password_reset_tokens_user_id_idx").on(table.userId)],
);

/**
 * Every e-mail Vigie sends. Without SMTP (the embedded default) this is the local mailbox
 * shown outside production; with SMTP it is the record of what was sent and when, stored
 * without its links (lib/mail/send-mail.ts). Purged after MAIL_OUTBOX_RETENTION_DAYS.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    /** When the sign-in, reset or invitation link the stored text still holds stops working; its links are then removed. */
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }),
  },
  (table) => [
    index("mail_outbox_to_idx").on(table.to),
    index("mail_outbox_organisation_id_idx").on(table.organisationId),
    index("mail_outbox_created_at_idx").on(table.createdAt),
    index("mail_outbox_link_expires_at_idx").on(table.linkExpiresAt).where(sql`${table.linkExpiresAt} is not null`),
  ],
);

/** Who did what, when, from where: sign-ins, failures, role changes, imports, erasures. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    // The journal pages by (occurred_at, id), newest first; the purge deletes by occurred_at.
    index("audit_log_occurred_at_id_idx").on(table.occurredAt, table.id),
    index("audit_log_organisation_id_idx").on(table.organisationId),
    index("audit_log_actor_user_id_idx").on(table.actorUserId),
  ],
);

/** A join link or code per establishment (optionally per team) that a manager can turn off. */
export const joinCodes = pgTable(
  "join_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("join_codes_code_key").on(table.code), index("join_codes_organisation_id_idx").on(table.organisationId)],
);

/** Nobody (invitation or import only), verified e-mails of the allowed domains, or PSC structures. */
export const accountCreationModes = ["none", "email_domain", "psc_structure"] as const;
export type AccountCreationMode = (typeof accountCreationModes)[number];

/**
 * OpenID Connect sign-in configured per establishment (Pro Santé Connect, Keycloak, Entra ID).
 * The client secret is stored encrypted with a key derived from AUTH_SECRET.
 */
export const organisationSso = pgTable("organisation_sso", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  displayName: text("display_name").notNull(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretEncrypted: text("client_secret_encrypted").notNull(),
  /** Non-standard discovery path, e.g. Pro Santé Connect's /.well-known/wallet-openid-configuration. */
  discoveryPath: text("discovery_path"),
  scopes: text("scopes").notNull().default("openid email profile"),
  acrValues: text("acr_values"),
  isEnabled: boolean("is_enabled").notNull().default(true),
  /** Pro Santé Connect: userinfo's SubjectNameID is the subject, SubjectRefPro names the structures. */
  isProSanteConnect: boolean("is_pro_sante_connect").notNull().default(false),
  /** Who may get a new account by signing in through this provider (lib/sso/account-creation.ts). */
  accountCreation: text("account_creation", { enum: accountCreationModes }).notNull().default("none"),
  /** Domains whose verified e-mails the provider vouches for; set by platform admins only. */
  allowedEmailDomains: text("allowed_email_domains").array().notNull().default(sql`'{}'::text[]`),
  /** FINESS (site or legal entity) or SIRET numbers matched against Pro Santé Connect's SubjectRefPro. */
  structureIds: text("structure_ids").array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** CSV imports, kept so that importing the same file twice is recognised and audited. */
export const enrolmentImports = pgTable(
  "enrolment_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    fileSha256: text("file_sha256").notNull(),
    rowCount: integer("row_count").notNull(),
    createdCount: integer("created_count").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("enrolment_imports_organisation_id_idx").on(table.organisationId)],
);
