import type { Db } from "@/db/client";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

// A person needs one link, two if the first went astray: past a few, the answer is "a link was
// just sent". These counts are apart from failed passwords (security review M4), so that asking
// for links, anyone's, never blocks a sign-in.
export const LINK_LIMITS = { perAccount: 3, perAddress: 30, windowSeconds: 15 * 60 };

export type LinkKind = "magic-link" | "password-reset";

/** `account` when this address asked for too many links lately, `address` when its client address did. */
export type LinkRequestResult =
  { allowed: true } | { allowed: false; reason: "account" | "address"; retryAfterSeconds: number };

/**
 * Counts one request for a sign-in or reset link to `email` (known or not: the answer must not
 * tell) against that address and the client address.
 */
export async function takeLinkRequest(
  db: Db,
  options: { kind: LinkKind; email: string; ipAddress: string; now?: Date },
): Promise<LinkRequestResult> {
  const now = options.now ?? new Date();
  const { windowSeconds } = LINK_LIMITS;
  const [perAccount, perAddress] = await Promise.all([
    consumeRateLimit(db, {
      key: `${options.kind}:account:${options.email.trim().toLowerCase()}`,
      limit: LINK_LIMITS.perAccount,
      windowSeconds,
      now,
    }),
    consumeRateLimit(db, {
      key: `${options.kind}:address:${options.ipAddress}`,
      limit: LINK_LIMITS.perAddress,
      windowSeconds,
      now,
    }),
  ]);
  if (!perAccount.allowed)
    return { allowed: false, reason: "account", retryAfterSeconds: perAccount.retryAfterSeconds };
  if (!perAddress.allowed)
    return { allowed: false, reason: "address", retryAfterSeconds: perAddress.retryAfterSeconds };

  return { allowed: true };
}
