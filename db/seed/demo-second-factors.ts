import { and, eq, inArray, isNull, like } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, userSecondFactors, users } from "../schema";
import { sealText } from "@/lib/crypto/sealed-text";
import { TOTP_SECRET_SEAL } from "@/lib/auth/second-factor/totp";
import { DEMO_TOTP_SECRET } from "./demo";

/**
 * Gives the demo secret (DEMO_TOTP_SECRET, published like the demo password; never in production,
 * where db:seed refuses to run) to each seeded (@vigie.test) manager or admin who has none yet.
 */
export async function seedDemoSecondFactors(db: Db): Promise<number> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(userSecondFactors, eq(userSecondFactors.userId, users.id))
    .where(
      and(
        like(users.email, "%@vigie.test"),
        inArray(memberships.role, ["manager", "admin"]),
        isNull(userSecondFactors.userId),
      ),
    );
  if (rows.length === 0) return 0;
  await db
    .insert(userSecondFactors)
    .values(rows.map((row) => ({ userId: row.id, secretSealed: sealText(DEMO_TOTP_SECRET, TOTP_SECRET_SEAL) })))
    .onConflictDoNothing();

  return rows.length;
}
