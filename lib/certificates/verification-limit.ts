import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

// Per client address only: codes carry 130 random bits, so guessing needs no global cap, and
// one would let a single client shut verification down for every HR office and auditor.
const PER_ADDRESS = { limit: 30, windowSeconds: 60 };

/** Counts one look-up of a certificate by this client; refused past 30 a minute, with when to retry. */
export async function takeVerificationAttempt(
  headers: Headers,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const address = clientAddress(headers, env().TRUST_PROXY_HOPS);
  const { db } = await getDb();
  const result = await consumeRateLimit(db, { key: `verify:${address}`, ...PER_ADDRESS });

  return { allowed: result.allowed, retryAfterSeconds: result.retryAfterSeconds };
}
