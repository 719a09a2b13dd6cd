import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";

type Reader = Pick<Db, "select">;

/**
 * Every text that names a person outside their own rows: their e-mail, their login and the
 * subjects of their linked identities. Audit rows of requests made before sign-in (a reset, a
 * failed password, an SSO refusal) name the person by one of these, not by id; the right of
 * access and the right to erasure both go by this list.
 */
export async function personIdentifiers(
  db: Reader,
  userId: string,
): Promise<{ email: string | null; names: string[] }> {
  const [user] = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return { email: null, names: [] };
  const subjects = await db
    .select({ subject: accounts.providerAccountId })
    .from(accounts)
    .where(eq(accounts.userId, userId));

  return {
    email: user.email,
    names: [user.email, user.username, ...subjects.map((row) => row.subject)].filter((name): name is string => !!name),
  };
}
