import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";

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
