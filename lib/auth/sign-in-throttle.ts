import type { Db } from "@/db/client";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { refundRateLimit } from "@/lib/rate-limit/refund-rate-limit";

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const MAX_ATTEMPTS_PER_ACCOUNT = 10;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;

export type SignInAttempt = { email: string; ipAddress: string; now?: Date };
export type ThrottleResult = { allowed: boolean; retryAfterSeconds: number };

const keys = (attempt: SignInAttempt) => ({
  account: `sign-in:account:${attempt.email.trim().toLowerCase()}`,
  address: `sign-in:address:${attempt.ipAddress}`,
});

/**
 * Counts one sign-in attempt (a password try or a magic-link request) against its account and
 * its client address before anything is checked, so that parallel tries cannot slip past the
 * limits. The account limit holds whatever address the attempt claims to come from.
 */
export async function takeSignInAttempt(db: Db, attempt: SignInAttempt): Promise<ThrottleResult> {
  const now = attempt.now ?? new Date();
  const { account, address } = keys(attempt);
  const [perAccount, perAddress] = await Promise.all([
    consumeRateLimit(db, { key: account, limit: MAX_ATTEMPTS_PER_ACCOUNT, windowSeconds: SIGN_IN_WINDOW_SECONDS, now }),
    consumeRateLimit(db, { key: address, limit: MAX_ATTEMPTS_PER_ADDRESS, windowSeconds: SIGN_IN_WINDOW_SECONDS, now }),
  ]);

  return { allowed: perAccount.allowed && perAddress.allowed, retryAfterSeconds: perAccount.retryAfterSeconds };
}

/** A successful password sign-in is not a failure: its attempt is taken back. */
export async function giveBackSignInAttempt(db: Db, attempt: SignInAttempt): Promise<void> {
  const now = attempt.now ?? new Date();
  const { account, address } = keys(attempt);
  await Promise.all([
    refundRateLimit(db, { key: account, windowSeconds: SIGN_IN_WINDOW_SECONDS, now }),
    refundRateLimit(db, { key: address, windowSeconds: SIGN_IN_WINDOW_SECONDS, now }),
  ]);
}
