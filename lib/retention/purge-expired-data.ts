import { and, eq, isNotNull, lt, ne, notExists, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  auditLog,
  mailOutbox,
  passwordResetTokens,
  phishingCampaigns,
  phishingExercises,
  rateLimits,
  verificationTokens,
} from "@/db/schema";
import { env } from "@/lib/env";
import { withoutLinks } from "@/lib/mail/remove-links";

export type RetentionSettings = { auditLogMonths: number; mailOutboxDays: number; phishingMonths: number };

export type PurgeCounts = {
  verificationTokens: number;
  passwordResetTokens: number;
  outboxLinksRemoved: number;
  outboxMessages: number;
  auditEntries: number;
  rateLimits: number;
  phishingExercises: number;
  phishingCampaigns: number;
};

// Old rows go a few thousand at a time, so that a first purge of a large table never holds one
// statement (and its locks) for long.
const BATCH = 5_000;
// Counters of windows longer ago than this are of no use to any limit (the longest is an hour).
const RATE_LIMIT_KEEP_MS = 24 * 60 * 60 * 1000;

/** The settings in force (lib/env.ts, README "Settings"). */
export function retentionSettings(): RetentionSettings {
  const config = env();

  return {
    auditLogMonths: config.AUDIT_LOG_RETENTION_MONTHS,
    mailOutboxDays: config.MAIL_OUTBOX_RETENTION_DAYS,
    phishingMonths: config.PHISHING_RETENTION_MONTHS,
  };
}

/**
 * Removes what Vigie no longer needs: expired or spent sign-in, reset and invitation tokens;
 * the links of local-mailbox messages once they expired; messages older than `mailOutboxDays`;
 * audit entries older than `auditLogMonths`; stale rate-limit counters; phishing exercises (and
 * every recipient's result, by cascade) that ended, or never ran, more than `phishingMonths` ago,
 * and the centre exercises left with no part. Idempotent, so it may run on several instances or
 * from cron at once. Returns how many rows each step touched.
 */
export async function purgeExpiredData(
  db: Db,
  options: Partial<RetentionSettings> & { now?: Date } = {},
): Promise<PurgeCounts> {
  const now = options.now ?? new Date();
  const settings = { ...retentionSettings(), ...options };
  const auditCutoff = new Date(now);
  auditCutoff.setUTCMonth(auditCutoff.getUTCMonth() - settings.auditLogMonths);
  const phishingCutoff = new Date(now);
  phishingCutoff.setUTCMonth(phishingCutoff.getUTCMonth() - settings.phishingMonths);
  const outboxCutoff = new Date(now.getTime() - settings.mailOutboxDays * 86_400_000);

  // One after the other: a pool of one (PGlite, a command-line run) runs one statement at a time.
  const verification = await db
    .delete(verificationTokens)
    .where(lt(verificationTokens.expires, now))
    .returning({ one: sql`1` });
  const resets = await db
    .delete(passwordResetTokens)
    .where(or(lt(passwordResetTokens.expiresAt, now), isNotNull(passwordResetTokens.usedAt)))
    .returning({ one: sql`1` });
  const links = await db
    .update(mailOutbox)
    .set({
      text: withoutLinks(sql`${mailOutbox.text}`),
      html: withoutLinks(sql`${mailOutbox.html}`),
      linkExpiresAt: null,
    })
    .where(and(isNotNull(mailOutbox.linkExpiresAt), lt(mailOutbox.linkExpiresAt, now)))
    .returning({ one: sql`1` });
  const outboxMessages = await deleteOlderThan(db, mailOutbox, mailOutbox.createdAt, outboxCutoff);
  const auditEntries = await deleteOlderThan(db, auditLog, auditLog.occurredAt, auditCutoff);
  const counters = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_KEEP_MS)))
    .returning({ one: sql`1` });
  const phishing = await purgePhishing(db, phishingCutoff);

  return {
    verificationTokens: verification.length,
    passwordResetTokens: resets.length,
    outboxLinksRemoved: links.length,
    outboxMessages,
    auditEntries,
    rateLimits: counters.length,
    ...phishing,
  };
}

/**
 * Deletes the phishing exercises past `cutoff` (not running), then, in the same transaction, the
 * centre exercises (phishing_campaigns) that have no part left: those whose last part just went,
 * and any a concurrent purge or a deleted establishment left empty.
 */
async function purgePhishing(db: Db, cutoff: Date) {
  return db.transaction(async (tx) => {
    const exercises = await tx
      .delete(phishingExercises)
      .where(
        and(
          ne(phishingExercises.state, "running"),
          lt(
            sql`coalesce(${phishingExercises.endedAt}, ${phishingExercises.launchedAt}, ${phishingExercises.createdAt})`,
            cutoff,
          ),
        ),
      )
      .returning({ one: sql`1` });
    const parts = tx
      .select({ one: sql`1` })
      .from(phishingExercises)
      .where(eq(phishingExercises.campaignId, phishingCampaigns.id));
    const campaigns = await tx
      .delete(phishingCampaigns)
      .where(notExists(parts))
      .returning({ one: sql`1` });

    return { phishingExercises: exercises.length, phishingCampaigns: campaigns.length };
  });
}

/** Deletes the rows of `table` whose `column` is before `cutoff`, BATCH at a time; returns how many went. */
async function deleteOlderThan(
  db: Db,
  table: typeof mailOutbox | typeof auditLog,
  column: PgColumn,
  cutoff: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`with gone as (
        delete from ${table} where ${table.id} in (select ${table.id} from ${table} where ${column} < ${cutoff.toISOString()}::timestamptz limit ${BATCH})
        returning 1)
      select count(*)::int as n from gone`);
    const deleted = (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
