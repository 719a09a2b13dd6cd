import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { SMTP_CONNECTIONS, sendMail } from "@/lib/mail/send-mail";
import { int, selectRows, text, textOrNull } from "@/lib/read-model/sql-rows";
import { hashRecipientToken, newRecipientToken } from "./recipient-token";

export type PhishingMail = { subject: string; text: string; html: string };

export type SendDueMessagesOptions = {
  now: Date;
  /** The landing page's address for a token (its origin is the app's public one). */
  landingUrl: (token: string) => string;
  /** The scenario's message with the link in it; null for a scenario that no longer exists. */
  render: (scenarioId: string, link: string) => PhishingMail | null;
  /** At most this many messages per establishment per minute (one run a minute: per run). */
  perEstablishmentPerMinute: number;
};

export type SendDueCounts = { claimed: number; delivered: number; failed: number };

/** How long a message's link leads to its landing page (and the local mailbox shows it). */
export const LINK_VALID_DAYS = 30;

type Claimed = { id: string; email: string | null; token: string };

/**
 * Claims up to `limit` due messages of one running exercise: each gets its token (only the hash
 * is stored) and its `sent_at`, committed before anything leaves. A restart or a second
 * instance therefore never sends a message twice; a message claimed just before a crash is not
 * sent at all (recorded as sent, never delivered). The exercise row is share-locked, so a pause
 * or cancel waits for a claim in progress and no claim follows it.
 */
async function claimDue(db: Db, exerciseId: string, limit: number, now: Date): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const running = await selectRows(
      tx,
      sql`select id from phishing_exercises where id = ${exerciseId}::uuid and state = 'running' for share`,
      (row) => text(row, "id"),
    );
    if (running.length === 0) return [];
    const due = await selectRows(
      tx,
      sql`select r.id, u.email from phishing_recipients r join users u on u.id = r.user_id
        where r.exercise_id = ${exerciseId}::uuid and r.sent_at is null and r.planned_at <= ${now.toISOString()}::timestamptz
        order by r.planned_at limit ${limit} for update of r skip locked`,
      (row) => ({ id: text(row, "id"), email: u(textOrNull(row, "email")), token: newRecipientToken() }),
    );
    if (due.length === 0) return [];
    const values = sql.join(
      due.map((d) => sql`(${d.id}::uuid, ${hashRecipientToken(d.token)}, ${d.email ? null : "no_address"})`),
      sql`, `,
    );
    await tx.execute(sql`update phishing_recipients r set sent_at = ${now.toISOString()}::timestamptz,
      token_hash = v.hash, send_error = v.error from (values ${values}) as v(id, hash, error) where r.id = v.id`);

    return due;
  });
}

function u(email: string | null): string | null {
  return email && email.trim() !== "" ? email : null;
}

/**
 * One run of the exercise sender: for every running exercise, the messages whose planned time
 * has come, within each establishment's rate (messages claimed in the last minute count), are
 * claimed, then sent through Vigie's mail (SMTP, or the local mailbox in demo mode). Exercises
 * with nothing left to send are marked done. Safe to run from several instances at once.
 */
export async function sendDueMessages(db: Db, options: SendDueMessagesOptions): Promise<SendDueCounts> {
  const counts: SendDueCounts = { claimed: 0, delivered: 0, failed: 0 };
  const now = options.now;
  const exercises = await selectRows(
    db,
    sql`select e.id, e.organisation_id, e.scenario_id,
        (select count(*) from phishing_recipients s where s.organisation_id = e.organisation_id
          and s.sent_at > ${now.toISOString()}::timestamptz - interval '1 minute') as recent
      from phishing_exercises e
      where e.state = 'running' and exists (select 1 from phishing_recipients r
        where r.exercise_id = e.id and r.sent_at is null and r.planned_at <= ${now.toISOString()}::timestamptz)
      order by e.launched_at`,
    (row) => ({
      id: text(row, "id"),
      organisationId: text(row, "organisation_id"),
      scenarioId: text(row, "scenario_id"),
      recent: int(row, "recent"),
    }),
  );
  const used = new Map<string, number>();
  for (const exercise of exercises) {
    const spent = used.get(exercise.organisationId) ?? exercise.recent;
    const budget = options.perEstablishmentPerMinute - spent;
    if (budget <= 0) continue;
    const claimed = await claimDue(db, exercise.id, budget, now);
    used.set(exercise.organisationId, spent + claimed.length);
    counts.claimed += claimed.length;
    const sent = await deliver(db, exercise, claimed, options);
    counts.delivered += sent.delivered;
    counts.failed += sent.failed;
  }
  await markFinished(db, now);

  return counts;
}

async function deliver(
  db: Db,
  exercise: { organisationId: string; scenarioId: string },
  claimed: Claimed[],
  options: SendDueMessagesOptions,
): Promise<{ delivered: number; failed: number }> {
  const result = { delivered: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const message = claimed[next++]!;
      if (!message.email) {
        result.failed++;
        continue;
      }
      const mail = options.render(exercise.scenarioId, options.landingUrl(message.token));
      const outcome = mail
        ? await sendMail(db, {
            ...mail,
            to: message.email,
            kind: "phishing_exercise",
            organisationId: exercise.organisationId,
            linkExpiresAt: new Date(options.now.getTime() + LINK_VALID_DAYS * 86_400_000),
          })
        : { error: "unknown_scenario", sentAt: null };
      if (outcome.error) result.failed++;
      else result.delivered++;
      await db.execute(sql`update phishing_recipients set
          delivered_at = ${outcome.error ? null : (outcome.sentAt ?? new Date()).toISOString()}::timestamptz,
          send_error = ${outcome.error ? outcome.error.slice(0, 500) : null}
        where id = ${message.id}::uuid`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SMTP_CONNECTIONS, claimed.length) }, worker));

  return result;
}

/** Running exercises whose every message was claimed are done; their retention counts from now. */
async function markFinished(db: Db, now: Date): Promise<void> {
  await db.execute(sql`update phishing_exercises e set state = 'done', ended_at = ${now.toISOString()}::timestamptz
    where e.state = 'running' and not exists (select 1 from phishing_recipients r where r.exercise_id = e.id and r.sent_at is null)`);
}
