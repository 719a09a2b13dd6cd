import { sql } from "drizzle-orm";
import { type RawRow, instantOrNull, int } from "@/lib/read-model/sql-rows";
import type { ResultCounts } from "./merge-small-services";
import { PHISHING_MODULE_ID } from "./phishing-module";

/**
 * The results' aggregates over `phishing_recipients r` and its from clause, `sent` aside (the
 * caller's: which messages count as sent), for a `select …, ${resultCountColumnsFrom} where …`.
 * A completion of the phishing module counts when it was made in the message's establishment
 * after the message was sent (after the click, for "those who clicked"): module_progress keeps
 * the latest completion.
 */
export const resultCountColumnsFrom = sql`count(r.delivered_at) as delivered,
    count(*) filter (where r.delivered_at is not null and r.automatic_opens > 0 and r.clicked_at is null) as automatic,
    count(r.clicked_at) as clicks, count(r.reported_at) as reports,
    count(*) filter (where r.delivered_at is not null and coalesce(mp.last_completed_at, mp.completed_at) > r.sent_at) as module_completed,
    count(*) filter (where coalesce(mp.last_completed_at, mp.completed_at) > r.clicked_at) as clicked_then_module,
    min(r.sent_at) as first_sent_at, min(r.reported_at) as first_reported_at
  from phishing_recipients r
  left join module_progress mp on mp.user_id = r.user_id and mp.module_id = ${PHISHING_MODULE_ID}
    and mp.organisation_id = r.organisation_id`;

/** The counts of a row with `sent` and the columns of resultCountColumnsFrom. */
export function resultCountsOf(row: RawRow): ResultCounts {
  return {
    sent: int(row, "sent"),
    delivered: int(row, "delivered"),
    automaticOpens: int(row, "automatic"),
    clicks: int(row, "clicks"),
    reports: int(row, "reports"),
    moduleCompleted: int(row, "module_completed"),
    clickedThenModule: int(row, "clicked_then_module"),
    firstSentAt: instantOrNull(row, "first_sent_at"),
    firstReportedAt: instantOrNull(row, "first_reported_at"),
  };
}
