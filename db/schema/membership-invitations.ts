import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { organisations, teams } from "./organisations";

export const invitationRoles = ["learner", "manager"] as const;
export const invitationStatuses = ["pending", "accepted", "declined", "cancelled"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * An establishment's offer of a membership to an account that already exists (found by e-mail
 * by an import or when naming a manager): nothing is attached until the person, signed in as
 * themselves, accepts it. A pending invitation past `expires_at` can no longer be accepted.
 */
export const membershipInvitations = pgTable(
  "membership_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: invitationRoles }).notNull().default("learner"),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: invitationStatuses }).notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One open invitation per person and establishment: inviting again renews it.
    uniqueIndex("membership_invitations_pending_key")
      .on(table.userId, table.organisationId)
      .where(sql`${table.status} = 'pending'`),
    index("membership_invitations_user_id_idx").on(table.userId),
    index("membership_invitations_organisation_id_idx").on(table.organisationId, table.status),
  ],
);

export type MembershipInvitation = typeof membershipInvitations.$inferSelect;
