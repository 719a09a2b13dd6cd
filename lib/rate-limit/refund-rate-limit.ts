import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** Takes back one hit counted by consumeRateLimit with the same key, window and `now`. */
export async function refundRateLimit(
  db: Db,
  options: { key: string; windowSeconds: number; now: Date },
): Promise<void> {
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(options.now.getTime() / windowMs) * windowMs);
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, options.key), eq(rateLimits.windowStart, windowStart), gt(rateLimits.count, 0)));
}
