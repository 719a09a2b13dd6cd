import type { Db } from "@/db/client";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Defer } from "./defer";
import { findActiveUserByEmail } from "./find-active-user";
import { takeLinkRequest } from "./link-request-limit";

export type MagicLinkDecision =
  | { status: "send"; userId: string }
  | { status: "skip" }
  | { status: "throttled"; reason: "account" | "address"; retryAfterSeconds: number };

/**
 * Decides whether a sign-in link may be sent: only to an existing, active user, within the link
 * limits (a few per address, lib/auth/link-request-limit.ts), which never count as failed
 * sign-ins. The caller answers "skip" exactly as "send", so that nobody learns whether an
 * account exists; past the limit, "a link was just sent", whether or not one was. The audit entry
 * goes through `defer` (after the response, in the app): an unknown address's entry counts
 * against the anonymous audit limit, a statement a known account's does not take (review M13).
 */
export async function requestMagicLink(
  db: Db,
  options: { email: string; origin: RequestOrigin; defer: Defer; now?: Date },
): Promise<MagicLinkDecision> {
  const email = options.email.trim().toLowerCase();
  const throttle = await takeLinkRequest(db, {
    kind: "magic-link",
    email,
    ipAddress: options.origin.ipAddress,
    now: options.now,
  });
  const user = throttle.allowed ? await findActiveUserByEmail(db, email) : null;
  const decision: MagicLinkDecision = !throttle.allowed
    ? { status: "throttled", reason: throttle.reason, retryAfterSeconds: throttle.retryAfterSeconds }
    : user
      ? { status: "send", userId: user.id }
      : { status: "skip" };
  await options.defer("magic-link-audit", () =>
    recordAudit(db, {
      action: "magic_link.requested",
      actorUserId: user?.id ?? null,
      origin: options.origin,
      // The account is the actor when known; an unknown address is not kept (it may be anything typed).
      details: { outcome: decision.status },
    }),
  );

  return decision;
}
