import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisationSso, organisations } from "@/db/schema";
import { decryptClientSecret } from "./client-secret-crypto";

export type SsoEstablishment = {
  organisationId: string;
  name: string;
  slug: string;
  displayName: string;
  isEnabled: boolean;
};

export type SsoClientSettings = SsoEstablishment & {
  issuer: string;
  clientId: string;
  /** Null when it cannot be decrypted (AUTH_SECRET changed): the manager must type it again. */
  clientSecret: string | null;
  discoveryPath: string | null;
  scopes: string;
  acrValues: string | null;
  /** Only then is userinfo's SubjectNameID the subject, and SubjectRefPro read (L5 of the review). */
  isProSanteConnect: boolean;
};

/** The establishment with this slug and its SSO settings (enabled or not), or null when it has none. */
export async function findSsoEstablishment(db: Db, slug: string): Promise<SsoClientSettings | null> {
  if (slug.length > 200) return null;
  const [row] = await db
    .select({
      organisation: { id: organisations.id, name: organisations.name, slug: organisations.slug },
      sso: organisationSso,
    })
    .from(organisations)
    .innerJoin(organisationSso, eq(organisationSso.organisationId, organisations.id))
    .where(and(eq(organisations.slug, slug), eq(organisations.kind, "establishment")));
  if (!row) return null;
  const { organisation, sso } = row;

  return {
    organisationId: organisation.id,
    name: organisation.name,
    slug: organisation.slug,
    displayName: sso.displayName,
    isEnabled: sso.isEnabled,
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret: decryptClientSecret(sso.clientSecretEncrypted),
    discoveryPath: sso.discoveryPath,
    scopes: sso.scopes,
    acrValues: sso.acrValues,
    isProSanteConnect: sso.isProSanteConnect,
  };
}
