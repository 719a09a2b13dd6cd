import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";

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
