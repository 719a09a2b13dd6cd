import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { isEmailIdentifier } from "@/lib/join/username";
import { clearPasswordFailures, giveBackPasswordAttempt, takePasswordAttempt } from "./sign-in-throttle";
import { type VerifiedUser, identifierColumn, verifyCredentials } from "./verify-credentials";

export type PasswordSignInResult =
  { status: "ok"; user: VerifiedUser } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * What the per-account limit counts against: the account's e-mail when it has one, so that an
 * account reached by its username and by its e-mail shares one counter; otherwise what was typed.
 * With the account's id, when there is one, for the audit log.
 */
async function throttledAccount(db: Db, identifier: string): Promise<{ email: string; userId: string | null }> {
  const normalised = identifier.trim().toLowerCase();
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(identifierColumn(normalised), normalised));

  return { email: row?.email ?? normalised, userId: row?.id ?? null };
}

/**
 * Checks an e-mail or username and a password under the password limits (lib/auth/sign-in-throttle.ts):
 * past them the attempt is refused, even with the right password, before any hash is computed.
 * Failures are audited here, successes when the session starts.
 */
export async function attemptPasswordSignIn(
  db: Db,
  options: { identifier: string; password: string; origin: RequestOrigin; now?: Date },
): Promise<PasswordSignInResult> {
  const account = await throttledAccount(db, options.identifier);
  const attempt = { account: account.email, ipAddress: options.origin.ipAddress, now: options.now ?? new Date() };
  // The account when one matches; never what was typed otherwise (it may be a password).
  const target = account.userId ? { targetType: "user", targetId: account.userId } : {};
  const typed = isEmailIdentifier(options.identifier.trim()) ? "email" : "username";
  const taken = await takePasswordAttempt(db, attempt);
  if (!taken.allowed) {
    await recordAudit(db, {
      action: "sign_in.failed",
      origin: options.origin,
      ...target,
      details: { method: "password", reason: "throttled", typed },
    });
    return { status: "throttled", retryAfterSeconds: taken.retryAfterSeconds };
  }

  const user = await verifyCredentials(db, options.identifier, options.password);
  if (!user) {
    await recordAudit(db, {
      action: "sign_in.failed",
      origin: options.origin,
      ...target,
      details: { method: "password", reason: "invalid", typed },
    });
    return { status: "invalid" };
  }
  await giveBackPasswordAttempt(db, { ...attempt, attemptId: taken.attemptId });
  await clearPasswordFailures(db, attempt.account);

  return { status: "ok", user };
}
