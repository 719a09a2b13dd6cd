import type { Db } from "@/db/client";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { replaceRecoveryCodes } from "./enrol-second-factor";
import { newRecoveryCodes } from "./recovery-codes";
import { type SecondFactorCheck, verifySecondFactor } from "./verify-second-factor";

/**
 * Ten new recovery codes for `userId`, who proves it with a current code (or a recovery code):
 * the old ones stop working. The new codes are returned to be shown once.
 */
export async function renewRecoveryCodes(
  db: Db,
  options: { userId: string; code: string; now?: Date; origin?: RequestOrigin },
): Promise<Exclude<SecondFactorCheck, { status: "ok" }> | { status: "ok"; recoveryCodes: string[] }> {
  const checked = await verifySecondFactor(db, options);
  if (checked.status !== "ok") return checked;
  const recoveryCodes = newRecoveryCodes();
  await db.transaction((tx) => replaceRecoveryCodes(tx, options.userId, recoveryCodes));
  await recordAudit(db, {
    action: "second_factor.recovery_codes_renewed",
    actorUserId: options.userId,
    origin: options.origin,
    targetType: "user",
    targetId: options.userId,
  });

  return { status: "ok", recoveryCodes };
}
