import type { Db } from "@/db/client";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { giveBackSignInAttempt, takeSignInAttempt } from "./sign-in-throttle";
import { type VerifiedUser, verifyCredentials } from "./verify-credentials";

export type PasswordSignInResult =
  | { status: "ok"; user: VerifiedUser }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password under the sign-in limits: past them the attempt is refused
 * even when the password is right. Failures are audited here, successes when the session starts.
 */
export async function attemptPasswordSignIn(
  db: Db,
  options: { email: string; password: string; origin: RequestOrigin; now?: Date },
): Promise<PasswordSignInResult> {
  const attempt = { email: options.email, ipAddress: options.origin.ipAddress, now: options.now ?? new Date() };
  const throttle = await takeSignInAttempt(db, attempt);
  if (!throttle.allowed) {
    await recordAudit(db, { action: "sign_in.failed", origin: options.origin, targetType: "email", targetId: attempt.email, details: { method: "password", reason: "throttled" } });
    return { status: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const user = await verifyCredentials(db, options.email, options.password);
  if (!user) {
    await recordAudit(db, { action: "sign_in.failed", origin: options.origin, targetType: "email", targetId: attempt.email, details: { method: "password", reason: "invalid" } });
    return { status: "invalid" };
  }
  await giveBackSignInAttempt(db, attempt);

  return { status: "ok", user };
}
