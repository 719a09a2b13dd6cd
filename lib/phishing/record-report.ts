import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, text } from "@/lib/read-model/sql-rows";
import { hashRecipientToken } from "./recipient-token";
import { LINK_VALID_DAYS } from "./send-due-messages";

export type RecordReportOptions = {
  /** Who reports: only their own messages count. */
  userId: string;
  /** The establishments they belong to now: a message of one they left counts no more. */
  organisationIds: readonly string[];
  /** Tokens found in what they pasted (findExerciseTokens). */
  tokens: readonly string[];
  now: Date;
};

export type RecordedReport = { recipientId: string; scenarioId: string };

/**
 * Records that a person reported their own exercise message: `reported_at` is set the first
 * time and never moves (a second report changes nothing; a report after a click still counts).
 * A token of someone else's message, of an establishment the person is not in, of a cancelled
 * exercise, older than the link's life (LINK_VALID_DAYS, as on the landing page) or forged
 * matches nothing: null, nothing recorded, and the caller answers as for any other message, so
 * that nobody learns whose message it was.
 */
export async function recordReport(db: Db, options: RecordReportOptions): Promise<RecordedReport | null> {
  if (options.tokens.length === 0 || options.organisationIds.length === 0) return null;
  const hashes = sql.join(
    options.tokens.map((token) => sql`${hashRecipientToken(token)}`),
    sql`, `,
  );
  const organisations = sql.join(
    options.organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const now = options.now.toISOString();
  const [report] = await selectRows(
    db,
    sql`select r.id, e.scenario_id from phishing_recipients r join phishing_exercises e on e.id = r.exercise_id
      where r.token_hash in (${hashes}) and r.user_id = ${options.userId}::uuid
        and r.organisation_id in (${organisations})
        and r.sent_at is not null and e.state <> 'cancelled'
        and r.sent_at > ${now}::timestamptz - make_interval(days => ${LINK_VALID_DAYS}::int)
      order by r.sent_at desc limit 1`,
    (row) => ({ recipientId: text(row, "id"), scenarioId: text(row, "scenario_id") }),
  );
  if (!report) return null;
  await db.execute(sql`update phishing_recipients set reported_at = ${now}::timestamptz
    where id = ${report.recipientId}::uuid and reported_at is null`);

  return report;
}
