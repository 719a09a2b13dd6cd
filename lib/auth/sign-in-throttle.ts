import { and, desc, eq, gt, lte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordAttempts } from "@/db/schema";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { refundRateLimit } from "@/lib/rate-limit/refund-rate-limit";

export const PASSWORD_WINDOW_SECONDS = 15 * 60;
/** Failed passwords per account within any 15 minutes; past them, password sign-in waits. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Failed passwords per client address (a whole hospital may share one) per 15-minute window. */
export const MAX_FAILURES_PER_ADDRESS = 100;

export type PasswordAttempt = { account: string; ipAddress: string; now?: Date };
export type TakenAttempt = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

const addressKey = (ipAddress: string) => `sign-in:address:${ipAddress}`;

/**
 * Counts a password attempt before the password is checked, so that parallel tries cannot slip
 * past the limits: per account over a sliding window (the page can say exactly how long to
 * wait), per client address over a fixed one. A refused attempt is taken back at once, so that
 * it neither extends the wait nor costs a hash. Only password sign-in is limited here: links and
 * SSO are not (lib/auth/link-request-limit.ts).
 */
export async function takePasswordAttempt(db: Db, attempt: PasswordAttempt): Promise<TakenAttempt> {
  const now = attempt.now ?? new Date();
  const windowStart = new Date(now.getTime() - PASSWORD_WINDOW_SECONDS * 1000);
  const perAddress = await consumeRateLimit(db, {
    key: addressKey(attempt.ipAddress),
    limit: MAX_FAILURES_PER_ADDRESS,
    windowSeconds: PASSWORD_WINDOW_SECONDS,
    now,
  });
  if (!perAddress.allowed) {
    await refundRateLimit(db, { key: addressKey(attempt.ipAddress), windowSeconds: PASSWORD_WINDOW_SECONDS, now });
    return { allowed: false, retryAfterSeconds: perAddress.retryAfterSeconds };
  }

  const [taken] = await db
    .insert(passwordAttempts)
    .values({ account: attempt.account, attemptedAt: now })
    .returning({ id: passwordAttempts.id });
  // The other attempts in the window, newest first: with as many as the limit, this one waits
  // until the limit-th newest of them leaves the window.
  const others = await db
    .select({ attemptedAt: passwordAttempts.attemptedAt })
    .from(passwordAttempts)
    .where(
      and(
        eq(passwordAttempts.account, attempt.account),
        gt(passwordAttempts.attemptedAt, windowStart),
        lte(passwordAttempts.attemptedAt, now),
        ne(passwordAttempts.id, taken!.id),
      ),
    )
    .orderBy(desc(passwordAttempts.attemptedAt))
    .limit(MAX_FAILURES_PER_ACCOUNT);
  if (others.length < MAX_FAILURES_PER_ACCOUNT) return { allowed: true, attemptId: taken!.id };

  await giveBackPasswordAttempt(db, { ...attempt, now, attemptId: taken!.id });
  const freesAt = others[MAX_FAILURES_PER_ACCOUNT - 1]!.attemptedAt.getTime() + PASSWORD_WINDOW_SECONDS * 1000;

  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)) };
}

/** Takes back an attempt that was not a failure: refused before checking, or successful. */
export async function giveBackPasswordAttempt(db: Db, attempt: PasswordAttempt & { attemptId: number }): Promise<void> {
  const now = attempt.now ?? new Date();
  await Promise.all([
    db.delete(passwordAttempts).where(eq(passwordAttempts.id, attempt.attemptId)),
    refundRateLimit(db, { key: addressKey(attempt.ipAddress), windowSeconds: PASSWORD_WINDOW_SECONDS, now }),
  ]);
}

/** Forgets an account's failed passwords: its owner has just proved who they are (a sign-in, a reset). */
export async function clearPasswordFailures(db: Db, account: string): Promise<void> {
  await db.delete(passwordAttempts).where(eq(passwordAttempts.account, account.trim().toLowerCase()));
}
