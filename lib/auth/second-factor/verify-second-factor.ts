import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { secondFactorRecoveryCodes, userSecondFactors } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { openSealedText } from "@/lib/crypto/sealed-text";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { refundRateLimit } from "@/lib/rate-limit/refund-rate-limit";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";
import { TOTP_SECRET_SEAL, normaliseTotpCode, totpStep } from "./totp";

/**
 * Codes tried per account, right or wrong, in a quarter of an hour: counted before the check
 * (parallel guesses count too) and given back when the code is right. Five guesses at three valid
 * codes in a million leave an attacker holding the password about 1 chance in 700 a day.
 */
export const SECOND_FACTOR_LIMIT = { attempts: 5, windowSeconds: 15 * 60 };

export type SecondFactorCheck =
  | { status: "ok"; method: "totp" | "recovery_code" }
  | { status: "invalid" }
  | { status: "not_enrolled" }
  | { status: "throttled"; retryAfterSeconds: number };

export const secondFactorLimitKey = (userId: string) => `second-factor:user:${userId}`;

/** Counts one try against the account's limit: null when allowed, else the refusal. */
export async function takeSecondFactorTry(db: Db, userId: string, now: Date): Promise<SecondFactorCheck | null> {
  const { attempts: limit, windowSeconds } = SECOND_FACTOR_LIMIT;
  const taken = await consumeRateLimit(db, { key: secondFactorLimitKey(userId), limit, windowSeconds, now });

  return taken.allowed ? null : { status: "throttled", retryAfterSeconds: taken.retryAfterSeconds };
}

export const giveBackSecondFactorTry = (db: Db, userId: string, now: Date) =>
  refundRateLimit(db, { key: secondFactorLimitKey(userId), windowSeconds: SECOND_FACTOR_LIMIT.windowSeconds, now });

/**
 * Checks a code typed by `userId`: a TOTP code of their authenticator (one step either side of
 * now, never one of a step already used, so a code seen over a shoulder is worth nothing) or one
 * of their unused recovery codes, spent by this check. Tries are limited per account; refusals
 * are audited.
 */
export async function verifySecondFactor(
  db: Db,
  options: { userId: string; code: string; now?: Date; origin?: RequestOrigin },
): Promise<SecondFactorCheck> {
  const { userId, code, origin } = options;
  const now = options.now ?? new Date();
  const throttled = await takeSecondFactorTry(db, userId, now);
  if (throttled) {
    await recordAudit(db, {
      action: "second_factor.failed",
      actorUserId: userId,
      origin,
      details: { reason: "throttled" },
    });
    return throttled;
  }
  const [factor] = await db
    .select({ secretSealed: userSecondFactors.secretSealed })
    .from(userSecondFactors)
    .where(eq(userSecondFactors.userId, userId));
  if (!factor) {
    await giveBackSecondFactorTry(db, userId, now);
    return { status: "not_enrolled" };
  }

  const method = (await acceptTotp(db, userId, factor.secretSealed, code, now))
    ? "totp"
    : (await spendRecoveryCode(db, userId, code, now))
      ? "recovery_code"
      : null;
  if (!method) {
    await recordAudit(db, {
      action: "second_factor.failed",
      actorUserId: userId,
      origin,
      details: { reason: "invalid" },
    });
    return { status: "invalid" };
  }
  await giveBackSecondFactorTry(db, userId, now);
  if (method === "recovery_code")
    await recordAudit(db, { action: "second_factor.recovery_code_used", actorUserId: userId, origin });

  return { status: "ok", method };
}

// Moves last_step forward in the same statement that checks it: two requests with one code
// cannot both pass.
async function acceptTotp(db: Db, userId: string, secretSealed: string, typed: string, now: Date): Promise<boolean> {
  const code = normaliseTotpCode(typed);
  const secret = code ? openSealedText(secretSealed, TOTP_SECRET_SEAL) : null;
  const step = code && secret ? totpStep(secret, code, now.getTime()) : null;
  if (step === null) return false;
  const moved = await db
    .update(userSecondFactors)
    .set({ lastStep: step })
    .where(
      and(
        eq(userSecondFactors.userId, userId),
        or(isNull(userSecondFactors.lastStep), lt(userSecondFactors.lastStep, step)),
      ),
    )
    .returning({ userId: userSecondFactors.userId });

  return moved.length > 0;
}

async function spendRecoveryCode(db: Db, userId: string, typed: string, now: Date): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return false;
  const spent = await db
    .update(secondFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(secondFactorRecoveryCodes.userId, userId),
        eq(secondFactorRecoveryCodes.codeHash, hashRecoveryCode(userId, code)),
        isNull(secondFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: secondFactorRecoveryCodes.id });

  return spent.length > 0;
}
