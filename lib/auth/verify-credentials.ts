import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordCredentials, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";

// Verified against when the e-mail is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;

export type VerifiedUser = { id: string; name: string | null; email: string };

/** The active user with this e-mail and password, or null; never says which part was wrong. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<VerifiedUser | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, isActive: users.isActive, passwordHash: passwordCredentials.passwordHash })
    .from(users)
    .innerJoin(passwordCredentials, eq(passwordCredentials.userId, users.id))
    .where(eq(users.email, email.trim().toLowerCase()));

  if (!row) {
    dummyHash ??= hashPassword("vigie-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  const matches = await verifyPassword(row.passwordHash, password);
  if (!matches || !row.isActive || !row.email) return null;

  return { id: row.id, name: row.name, email: row.email };
}
