import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, text } from "@/lib/read-model/sql-rows";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The scenario of an exercise message that this person reported, for the "Bravo" page; null for
 * any other id (not theirs, not reported, unknown, malformed), which the page answers as not found.
 */
export async function getReportedMessage(
  db: Db,
  options: { userId: string; recipientId: string },
): Promise<{ scenarioId: string } | null> {
  if (!UUID.test(options.recipientId)) return null;
  const [row] = await selectRows(
    db,
    sql`select e.scenario_id from phishing_recipients r join phishing_exercises e on e.id = r.exercise_id
      where r.id = ${options.recipientId}::uuid and r.user_id = ${options.userId}::uuid and r.reported_at is not null`,
    (r) => ({ scenarioId: text(r, "scenario_id") }),
  );

  return row ?? null;
}
