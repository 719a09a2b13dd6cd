import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordCredentials, users } from "@/db/schema";
import { isEmailIdentifier } from "@/lib/join/username";
import { hashPassword, verifyPassword } from "./password";

// Verified against when the account is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;

export type VerifiedUser = { id: string; name: string | null; email: string | null };

/** Where an identifier is looked up: an e-mail address (with "@") or a username, both stored lower-cased. */
export const identifierColumn = (identifier: string) => (isEmailIdentifier(identifier) ? users.email : users.username);

/**
 * The active user with this e-mail or username and password, or null; never says which part
 * was wrong.
 */
export async function verifyCredentials(db: Db, identifier: string, password: string): Promise<VerifiedUser | null> {
  const normalised = identifier.trim().toLowerCase();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isActive: users.isActive,
      passwordHash: passwordCredentials.passwordHash,
    })
    .from(users)
    .innerJoin(passwordCredentials, eq(passwordCredentials.userId, users.id))
    .where(eq(identifierColumn(normalised), normalised));

  if (!row) {
    dummyHash ??= hashPassword("vigie-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  const matches = await verifyPassword(row.passwordHash, password);
  if (!matches || !row.isActive) return null;

  return { id: row.id, name: row.name, email: row.email };
}
