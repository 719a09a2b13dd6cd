import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordCredentials } from "@/db/schema";
import { secondFactorStatus } from "./second-factor/session-marks";

export type ReauthenticationMethods = { hasPassword: boolean; hasSecondFactor: boolean };

/**
 * How `userId` can prove who they are again (lib/auth/reauthenticate.ts): their password, a code
 * of their second factor, both, or neither (sign-in links and SSO only: a new sign-in then).
 */
export async function reauthenticationMethods(db: Db, userId: string): Promise<ReauthenticationMethods> {
  const [[credential], { enrolled }] = await Promise.all([
    db
      .select({ userId: passwordCredentials.userId })
      .from(passwordCredentials)
      .where(eq(passwordCredentials.userId, userId)),
    secondFactorStatus(db, userId),
  ]);

  return { hasPassword: Boolean(credential), hasSecondFactor: enrolled };
}
