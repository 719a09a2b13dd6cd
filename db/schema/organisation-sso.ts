import { sql } from "drizzle-orm";
import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

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
  allowedEmailDomains: text("allowed_email_domains")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** FINESS (site or legal entity) or SIRET numbers matched against Pro Santé Connect's SubjectRefPro. */
  structureIds: text("structure_ids")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
