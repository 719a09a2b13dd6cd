import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { joinCodes } from "./join-codes";
import { users } from "./auth";

export const organisationKinds = ["centre", "group", "establishment"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * Establishments and what they belong to. A regional resource centre (`centre`) is the
 * root; a hospital group (`group`) may sit between it and its establishments.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id, {
      onDelete: "restrict",
    }),
    kind: text("kind", { enum: organisationKinds }).notNull().default("establishment"),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    /** FINESS number, the French national identifier of health and social establishments. */
    finess: text("finess"),
    /**
     * Whom staff call first in a cyber-incident (usually the RSSI), shown on the incident page.
     * Set or cleared together; `incident_contact_updated_at` says when, and stays set once cleared.
     */
    incidentContactName: text("incident_contact_name"),
    incidentContactPhone: text("incident_contact_phone"),
    incidentContactEmail: text("incident_contact_email"),
    incidentContactUpdatedAt: timestamp("incident_contact_updated_at", { withTimezone: true }),
    /**
     * Whether the establishment's managers must prove a second factor (TOTP) in each session.
     * On by default; only a platform admin changes it (docs/security.md). Platform admins always must.
     */
    managersNeedSecondFactor: boolean("managers_need_second_factor").notNull().default(true),
    /**
     * Whether the establishment's managers see each person's result in its phishing exercises
     * (clicked, reported). Off by default: managers then see services only (issue 20).
     */
    phishingIndividualResults: boolean("phishing_individual_results").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("organisations_parent_id_idx").on(table.parentId)],
);

/** Services and units of an establishment ("Urgences", "EHPAD — unité Les Oliviers"). */
export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("teams_organisation_id_name_key").on(table.organisationId, table.name),
    index("teams_organisation_id_idx").on(table.organisationId),
  ],
);

export const roles = ["learner", "manager", "admin"] as const;
export type Role = (typeof roles)[number];

/**
 * What a user is in an organisation: one role per user and organisation. `admin` on a
 * centre means platform admin for everything under it; `manager` may be held in several
 * establishments; a learner may belong to a team.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull().default("learner"),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    /** The join code this person used to join the establishment, when they joined that way. */
    joinCodeId: uuid("join_code_id").references((): AnyPgColumn => joinCodes.id, { onDelete: "set null" }),
    /**
     * lower(coalesce(users.name, '')) of the member, kept by triggers (migration 0005) whoever
     * writes the membership or the name: the learner list pages by name without reading every
     * learner's user row.
     */
    sortName: text("sort_name").notNull().default(""),
    /**
     * The member's progress made in this establishment (module_progress rows with its
     * organisation_id), kept by triggers on module_progress (migration 0007) whoever writes it,
     * so that the reports read the memberships alone: per module, at its position in module_keys
     * (1-based), the latest completion (null until completed) and the last activity (null without
     * progress); and over all modules, the time spent and the last activity.
     */
    moduleCompletions: timestamp("module_completions", { withTimezone: true })
      .array()
      .notNull()
      .default(sql`'{}'::timestamptz[]`),
    moduleActivity: timestamp("module_activity", { withTimezone: true })
      .array()
      .notNull()
      .default(sql`'{}'::timestamptz[]`),
    timeSpentSeconds: integer("time_spent_seconds").notNull().default(0),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("memberships_user_id_organisation_id_key").on(table.userId, table.organisationId),
    index("memberships_organisation_id_sort_name_idx").on(table.organisationId, table.sortName, table.userId),
    index("memberships_team_id_idx").on(table.teamId),
    // An establishment's learners counted from the index alone (the learner list's total): the
    // rows themselves carry the progress summary, too wide to scan for a count.
    index("memberships_learners_idx")
      .on(table.organisationId, table.userId)
      .where(sql`${table.role} = 'learner'`),
    // An establishment's learners team by team, with and without a team: the dashboard counts
    // again only the teams written since it last counted (lib/read-model/dashboard-cache.ts).
    index("memberships_learners_team_idx")
      .on(table.organisationId, table.teamId)
      .where(sql`${table.role} = 'learner'`),
    index("memberships_join_code_id_idx").on(table.joinCodeId),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
