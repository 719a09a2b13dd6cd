import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { joinCodes, organisations, teams } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { refundRateLimit } from "@/lib/rate-limit/refund-rate-limit";
import { normaliseJoinCode } from "./join-code-format";

export const JOIN_WINDOW_SECONDS = 15 * 60;
export const MAX_JOIN_FAILURES_PER_ADDRESS = 20;

export type JoinTarget = {
  joinCodeId: string;
  code: string;
  organisationId: string;
  organisationName: string;
  teamId: string | null;
  teamName: string | null;
};
export type JoinCodeCheck =
  { status: "ok"; target: JoinTarget } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/** The active join code, with its establishment and team, for a code as typed; null otherwise. */
export async function findActiveJoinCode(db: Db, typed: string): Promise<JoinTarget | null> {
  const code = normaliseJoinCode(typed);
  if (!code) return null;
  const [row] = await db
    .select({
      joinCodeId: joinCodes.id,
      code: joinCodes.code,
      organisationId: organisations.id,
      organisationName: organisations.name,
      teamId: teams.id,
      teamName: teams.name,
    })
    .from(joinCodes)
    .innerJoin(organisations, eq(organisations.id, joinCodes.organisationId))
    .leftJoin(teams, eq(teams.id, joinCodes.teamId))
    .where(and(eq(joinCodes.code, code), eq(joinCodes.isActive, true)));

  return row ?? null;
}

/**
 * The audit target of a refused code: a turned-off code of an establishment (which then sees the
 * attempt), never the text typed, which may be anything.
 */
async function turnedOffCode(db: Db, typed: string) {
  const code = normaliseJoinCode(typed);
  if (!code) return {};
  const [row] = await db
    .select({ id: joinCodes.id, organisationId: joinCodes.organisationId })
    .from(joinCodes)
    .where(eq(joinCodes.code, code));

  return row ? { targetType: "join_code", targetId: row.id, organisationId: row.organisationId } : {};
}

/**
 * Checks a join code typed by someone who is not signed in, under a per-address limit: each
 * try is counted before the lookup (so parallel guesses cannot slip past) and given back when
 * the code is good, so only wrong or turned-off codes use up the 20 allowed per quarter of an
 * hour. Refusals are audited. A wrong and a turned-off code get the same answer.
 */
export async function checkJoinCode(
  db: Db,
  options: { code: string; origin: RequestOrigin; now?: Date },
): Promise<JoinCodeCheck> {
  const now = options.now ?? new Date();
  const key = `join:address:${options.origin.ipAddress}`;
  const limit = await consumeRateLimit(db, {
    key,
    limit: MAX_JOIN_FAILURES_PER_ADDRESS,
    windowSeconds: JOIN_WINDOW_SECONDS,
    now,
  });
  if (!limit.allowed) {
    await recordAudit(db, { action: "join_code.refused", origin: options.origin, details: { reason: "throttled" } });
    return { status: "throttled", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const target = await findActiveJoinCode(db, options.code);
  if (!target) {
    await recordAudit(db, {
      action: "join_code.refused",
      origin: options.origin,
      ...(await turnedOffCode(db, options.code)),
      details: { reason: "unknown_or_disabled" },
    });
    return { status: "invalid" };
  }
  await refundRateLimit(db, { key, windowSeconds: JOIN_WINDOW_SECONDS, now });

  return { status: "ok", target };
}
