import { and, asc, eq, ilike } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisationSso, organisations } from "@/db/schema";

export type SsoChoice = { name: string; slug: string; displayName: string };

const LIMIT = 50;

/**
 * The establishments whose staff can sign in with their own identity provider (SSO enabled),
 * by name, optionally those whose name contains `search`; at most 50, and whether there were more.
 */
export async function listSsoEstablishments(
  db: Db,
  { search = "" }: { search?: string } = {},
): Promise<{ choices: SsoChoice[]; hasMore: boolean }> {
  const term = search.trim().slice(0, 100);
  // The search is a literal substring: LIKE wildcards a visitor types match only themselves.
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ name: organisations.name, slug: organisations.slug, displayName: organisationSso.displayName })
    .from(organisationSso)
    .innerJoin(organisations, eq(organisations.id, organisationSso.organisationId))
    .where(
      and(
        eq(organisationSso.isEnabled, true),
        eq(organisations.kind, "establishment"),
        term ? ilike(organisations.name, pattern) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.slug))
    .limit(LIMIT + 1);

  return { choices: rows.slice(0, LIMIT), hasMore: rows.length > LIMIT };
}
