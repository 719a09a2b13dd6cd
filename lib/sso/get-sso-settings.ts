import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AccountCreationMode, organisationSso, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { isPlatformAdminOf, requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { decryptClientSecret } from "./client-secret-crypto";

/** What the settings page shows: everything but the client secret, which is never read back. */
export type SsoSettings = {
  displayName: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  discoveryPath: string | null;
  scopes: string;
  acrValues: string | null;
  isEnabled: boolean;
  isProSanteConnect: boolean;
  accountCreation: AccountCreationMode;
  allowedEmailDomains: string[];
  structureIds: string[];
  updatedAt: Date;
};

/** The SSO settings of an establishment the actor manages (null when none); not_found otherwise. */
export async function getSsoSettings(
  db: Db,
  { actor, organisationId }: { actor: Actor; organisationId: string },
): Promise<SsoSettings | null> {
  const establishment = await requireManagedEstablishment(db, actor, organisationId);
  const [row] = await db.select().from(organisationSso).where(eq(organisationSso.organisationId, establishment.id));
  if (!row) return null;

  return {
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    // A secret encrypted under a previous AUTH_SECRET counts as missing: it must be typed again.
    hasClientSecret: decryptClientSecret(row.clientSecretEncrypted) !== null,
    discoveryPath: row.discoveryPath,
    scopes: row.scopes,
    acrValues: row.acrValues,
    isEnabled: row.isEnabled,
    isProSanteConnect: row.isProSanteConnect,
    accountCreation: row.accountCreation,
    allowedEmailDomains: row.allowedEmailDomains,
    structureIds: row.structureIds,
    updatedAt: row.updatedAt,
  };
}

/**
 * The settings page's data: the establishment's slug (for the callback URL and direct link), its
 * settings, and whether the actor may set the e-mail domains (platform admins only).
 */
export async function getSsoSettingsPage(
  db: Db,
  options: { actor: Actor; organisationId: string },
): Promise<{ slug: string; settings: SsoSettings | null; canEditEmailDomains: boolean }> {
  const settings = await getSsoSettings(db, options);
  const [[organisation], canEditEmailDomains] = await Promise.all([
    db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, options.organisationId)),
    isPlatformAdminOf(db, options.actor, options.organisationId),
  ]);

  return { slug: organisation!.slug, settings, canEditEmailDomains };
}
