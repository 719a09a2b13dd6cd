import type { Db } from "@/db/client";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { findActiveUserByEmail } from "./find-active-user";
import { takeSignInAttempt } from "./sign-in-throttle";

export type MagicLinkDecision = { status: "send"; userId: string } | { status: "skip" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * Decides whether a sign-in link may be sent: only to an existing, active user, within the
 * sign-in limits (every request counts). The caller answers "skip" exactly as "send", so that
 * nobody learns whether an account exists.
 */
export async function requestMagicLink(db: Db, options: { email: string; origin: RequestOrigin; now?: Date }): Promise<MagicLinkDecision> {
  const email = options.email.trim().toLowerCase();
  const throttle = await takeSignInAttempt(db, { email, ipAddress: options.origin.ipAddress, now: options.now });
  const user = throttle.allowed ? await findActiveUserByEmail(db, email) : null;
  const decision: MagicLinkDecision = !throttle.allowed
    ? { status: "throttled", retryAfterSeconds: throttle.retryAfterSeconds }
    : user
      ? { status: "send", userId: user.id }
      : { status: "skip" };
  await recordAudit(db, {
    action: "magic_link.requested",
    actorUserId: user?.id ?? null,
    origin: options.origin,
    // The account is the actor when known; an unknown address is not kept (it may be anything typed).
    details: { outcome: decision.status },
  });

  return decision;
}
