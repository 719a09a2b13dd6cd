import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordCredentials } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { markReauthenticated } from "./second-factor/session-marks";
import { giveBackSecondFactorTry, takeSecondFactorTry, verifySecondFactor } from "./second-factor/verify-second-factor";

export type ReauthenticationResult =
  { status: "ok" } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * The person of session `sessionId` proves who they are again, with their password or a code of
 * their second factor (or a recovery code): the session counts as freshly authenticated
 * (lib/access/recent-auth.ts). Tries share the second factor's per-account limit; audited.
 */
export async function reauthenticate(
  db: Db,
  options: { userId: string; sessionId: string; password?: string; code?: string; now?: Date; origin?: RequestOrigin },
): Promise<ReauthenticationResult> {
  const { userId, sessionId, origin } = options;
  const now = options.now ?? new Date();
  const result = options.code
    ? await checkCode(db, userId, options.code, now, origin)
    : await checkPassword(db, userId, options.password ?? "", now);
  if (result.status !== "ok") return result;
  await markReauthenticated(db, sessionId, now);
  await recordAudit(db, {
    action: "reauthenticated",
    actorUserId: userId,
    origin,
    details: { method: options.code ? "second_factor" : "password" },
  });

  return result;
}

async function checkCode(
  db: Db,
  userId: string,
  code: string,
  now: Date,
  origin?: RequestOrigin,
): Promise<ReauthenticationResult> {
  const checked = await verifySecondFactor(db, { userId, code, now, origin });
  if (checked.status === "ok" || checked.status === "throttled")
    return checked.status === "ok" ? { status: "ok" } : checked;

  return { status: "invalid" };
}

async function checkPassword(db: Db, userId: string, password: string, now: Date): Promise<ReauthenticationResult> {
  const throttled = await takeSecondFactorTry(db, userId, now);
  if (throttled?.status === "throttled") return throttled;
  const [credential] = await db
    .select({ passwordHash: passwordCredentials.passwordHash })
    .from(passwordCredentials)
    .where(eq(passwordCredentials.userId, userId));
  // 256 characters is the longest password the policy allows; longer input is not hashed at all.
  if (
    !credential ||
    password.length === 0 ||
    password.length > 256 ||
    !(await verifyPassword(credential.passwordHash, password))
  )
    return { status: "invalid" };
  await giveBackSecondFactorTry(db, userId, now);

  return { status: "ok" };
}
