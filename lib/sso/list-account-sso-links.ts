import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, organisationSso, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";

export type AccountSsoLink = {
  organisationId: string;
  organisationName: string;
  slug: string;
  displayName: string;
  isLinked: boolean;
};

/**
 * For "Mon compte": the enabled identity providers of the establishments the person belongs to,
 * and whether one of that provider's identities is already linked to their account.
 */
export async function listAccountSsoLinks(db: Db, actor: Actor): Promise<AccountSsoLink[]> {
  const organisationIds = actor.memberships.filter((m) => m.kind === "establishment").map((m) => m.organisationId);
  if (organisationIds.length === 0) return [];
  const [providers, linked] = await Promise.all([
    db
      .select({
        organisationId: organisations.id,
        organisationName: organisations.name,
        slug: organisations.slug,
        displayName: organisationSso.displayName,
        issuer: organisationSso.issuer,
      })
      .from(organisationSso)
      .innerJoin(organisations, eq(organisations.id, organisationSso.organisationId))
      .where(and(inArray(organisationSso.organisationId, organisationIds), eq(organisationSso.isEnabled, true)))
      .orderBy(asc(organisations.name)),
    db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, actor.userId)),
  ]);
  const issuers = new Set(linked.map((row) => row.provider));

  return providers.map(({ issuer, ...provider }) => ({ ...provider, isLinked: issuers.has(issuer) }));
}
