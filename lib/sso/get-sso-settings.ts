import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisationSso, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
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
  updatedAt: Date;
};

/** The SSO settings of an establishment the actor manages (null when none); not_found otherwise. */
export async function getSsoSettings(db: Db, { actor, organisationId }: { actor: Actor; organisationId: string }): Promise<SsoSettings | null> {
  const [establishment] = await listManagedEstablishments(db, { actor, organisationId });
  if (!establishment) throw new AppError("not_found", `sso settings of ${organisationId} refused to ${actor.userId}`);
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
    updatedAt: row.updatedAt,
  };
}

/** The settings page's data: the establishment's slug (for the callback URL and direct link) and its settings. */
export async function getSsoSettingsPage(db: Db, options: { actor: Actor; organisationId: string }): Promise<{ slug: string; settings: SsoSettings | null }> {
  const settings = await getSsoSettings(db, options);
  const [organisation] = await db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, options.organisationId));

  return { slug: organisation!.slug, settings };
}
