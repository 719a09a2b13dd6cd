import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { env } from "@/lib/env";

/**
 * Whether the actor operates this Vigie instance: a platform admin of the centre whose slug
 * OPERATOR_CENTRE names or, when it is unset, of the only centre at the root (none when there are
 * several). Operators alone read the audit entries that belong to no establishment and no one:
 * sign-in failures and link requests for unknown accounts, refused join codes.
 */
export async function isInstanceOperator(db: Db, actor: Actor): Promise<boolean> {
  const adminOf = new Set(
    actor.memberships.filter((m) => m.role === "admin" && m.kind === "centre").map((m) => m.organisationId),
  );
  if (adminOf.size === 0) return false;
  const slug = env().OPERATOR_CENTRE;
  const centres = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, "centre"), slug ? eq(organisations.slug, slug) : isNull(organisations.parentId)))
    .limit(2);

  return centres.length === 1 && adminOf.has(centres[0]!.id);
}
