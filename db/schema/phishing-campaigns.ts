import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";

/**
 * A centre's phishing exercise for several of its establishments: one row here, and one
 * phishing_exercises row per establishment (its `campaign_id`), so that sending, the
 * per-establishment rate limit, results and the RGPD rules stay those of each establishment.
 * The scenario, window and states live on those rows; this one only says whose it is.
 */
export const phishingCampaigns = pgTable(
  "phishing_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The centre that runs it: only that centre's platform admins see it. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("phishing_campaigns_organisation_id_idx").on(table.organisationId, table.createdAt)],
);

export type PhishingCampaign = typeof phishingCampaigns.$inferSelect;
