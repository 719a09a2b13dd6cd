import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { secondFactorRecoveryCodes, userSecondFactors } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { type SealPurpose, openSealedText, sealText } from "@/lib/crypto/sealed-text";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";
import { TOTP_SECRET_SEAL, newTotpSecret, normaliseTotpCode, totpStep } from "./totp";
import { giveBackSecondFactorTry, takeSecondFactorTry } from "./verify-second-factor";

// A secret shown on the enrolment page travels sealed in its form, for this person and a
// quarter of an hour: nothing is stored until a first code proves the app has it.
const PENDING_SEAL: SealPurpose = { salt: "vigie-second-factor", info: "vigie second factor enrolment form" };
const PENDING_MAX_AGE_MS = 15 * 60_000;

export type PendingEnrolment = { secret: string; sealed: string };

/** A new secret for `userId` to scan, and its sealed form for the confirmation. */
export function startEnrolment(userId: string, now = new Date()): PendingEnrolment {
  const secret = newTotpSecret();

  return {
    secret,
    sealed: sealText(JSON.stringify({ userId, secret, expiresAt: now.getTime() + PENDING_MAX_AGE_MS }), PENDING_SEAL),
  };
}

export type EnrolmentResult =
  | { status: "ok"; recoveryCodes: string[] }
  | { status: "invalid" | "expired" | "already_enrolled" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Turns the second factor on for `userId` when `code` is a valid code of the pending secret:
 * stores the secret sealed (with that code's step as used) and ten new recovery codes, hashed,
 * which are returned to be shown once. An account that has one already keeps it.
 */
export async function confirmEnrolment(
  db: Db,
  options: { userId: string; pending: string; code: string; now?: Date; origin?: RequestOrigin },
): Promise<EnrolmentResult> {
  const { userId, origin } = options;
  const now = options.now ?? new Date();
  const pending = readPending(options.pending, userId, now);
  if (!pending) return { status: "expired" };
  const throttled = await takeSecondFactorTry(db, userId, now);
  if (throttled) return throttled as EnrolmentResult;
  const code = normaliseTotpCode(options.code);
  const step = code ? totpStep(pending.secret, code, now.getTime()) : null;
  if (step === null) return { status: "invalid" };
  await giveBackSecondFactorTry(db, userId, now);

  const recoveryCodes = newRecoveryCodes();
  const enrolled = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(userSecondFactors)
      .values({ userId, secretSealed: sealText(pending.secret, TOTP_SECRET_SEAL), lastStep: step, createdAt: now })
      .onConflictDoNothing()
      .returning({ userId: userSecondFactors.userId });
    if (inserted.length === 0) return false;
    await replaceRecoveryCodes(tx, userId, recoveryCodes);
    return true;
  });
  if (!enrolled) return { status: "already_enrolled" };
  await recordAudit(db, {
    action: "second_factor.enrolled",
    actorUserId: userId,
    origin,
    targetType: "user",
    targetId: userId,
  });

  return { status: "ok", recoveryCodes };
}

/** Replaces every recovery code of `userId` (used or not) by these. */
export async function replaceRecoveryCodes(db: Db, userId: string, codes: string[]): Promise<void> {
  await db.delete(secondFactorRecoveryCodes).where(eq(secondFactorRecoveryCodes.userId, userId));
  await db
    .insert(secondFactorRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, normaliseRecoveryCode(code)!) })));
}

function readPending(sealed: string, userId: string, now: Date): { secret: string } | null {
  const opened = openSealedText(sealed, PENDING_SEAL);
  if (!opened) return null;
  try {
    const value = JSON.parse(opened) as { userId?: unknown; secret?: unknown; expiresAt?: unknown };
    if (
      value.userId !== userId ||
      typeof value.secret !== "string" ||
      typeof value.expiresAt !== "number" ||
      value.expiresAt < now.getTime()
    )
      return null;
    return { secret: value.secret };
  } catch {
    return null;
  }
}
