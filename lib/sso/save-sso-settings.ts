import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisationSso } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { isPlatformAdminOf, requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { decryptClientSecret, encryptClientSecret } from "./client-secret-crypto";
import { type SsoSettingsInput, ssoSettingsSchemaFor } from "./sso-settings-schema";
import { requireRecentAuth } from "@/lib/access/recent-auth";

export type SaveSsoSettingsOptions = {
  actor: Actor;
  organisationId: string;
  input: SsoSettingsInput;
  origin?: RequestOrigin;
  /** The language of the field errors; French when absent. */
  locale?: Locale;
};

export type SaveSsoSettingsResult =
  { ok: true; created: boolean } | { ok: false; fieldErrors: Record<string, string[]> };

const AUDITED_FIELDS = [
  "displayName",
  "issuer",
  "clientId",
  "discoveryPath",
  "scopes",
  "acrValues",
  "isEnabled",
  "isProSanteConnect",
  "accountCreation",
  "allowedEmailDomains",
  "structureIds",
] as const;

/**
 * Creates or changes an establishment's SSO settings. Only its managers and the platform admins
 * above it may (others: not_found, nothing written). The client secret is stored encrypted; left
 * empty on an existing configuration it is kept, unless the issuer or discovery path changed:
 * then the old secret is dropped and a new one is required (it must never reach another server).
 * The e-mail domains the provider vouches for are the platform admins' to set (a manager's
 * provider could otherwise pre-register addresses of other establishments); they are cleared
 * when a manager points the settings at another provider. Audited with the changed fields.
 */
export async function saveSsoSettings(
  db: Db,
  { actor, organisationId, input, origin, locale }: SaveSsoSettingsOptions,
): Promise<SaveSsoSettingsResult> {
  const establishment = await requireManagedEstablishment(db, actor, organisationId);
  requireRecentAuth(actor);

  const parsed = ssoSettingsSchemaFor(locale).safeParse(input);
  if (!parsed.success)
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const { clientSecret, ...values } = parsed.data;
  const [[existing], isAdmin] = await Promise.all([
    db.select().from(organisationSso).where(eq(organisationSso.organisationId, establishment.id)),
    isPlatformAdminOf(db, actor, establishment.id),
  ]);
  const providerChanged =
    !!existing && (existing.issuer !== values.issuer || existing.discoveryPath !== (values.discoveryPath || null));
  const keepsSecret = !!existing && !providerChanged && decryptClientSecret(existing.clientSecretEncrypted) !== null;
  const allowedEmailDomains = isAdmin
    ? values.allowedEmailDomains
    : existing && !providerChanged
      ? existing.allowedEmailDomains
      : [];
  const t = validationMessages(locale);
  const fieldErrors: Record<string, string[]> = {};
  if (!keepsSecret && clientSecret === "") {
    fieldErrors.clientSecret = [
      providerChanged ? t("ssoSettings.clientSecretAgain") : t("ssoSettings.clientSecretMissing"),
    ];
  }
  if (values.accountCreation === "email_domain" && allowedEmailDomains.length === 0) {
    fieldErrors.accountCreation = [
      isAdmin ? t("ssoSettings.emailDomainsMissing") : t("ssoSettings.emailDomainsNotSet"),
    ];
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const row = {
    ...values,
    allowedEmailDomains,
    discoveryPath: values.discoveryPath || null,
    acrValues: values.acrValues || null,
    clientSecretEncrypted: clientSecret ? encryptClientSecret(clientSecret) : existing!.clientSecretEncrypted,
    updatedAt: new Date(),
  };
  const changed: string[] = AUDITED_FIELDS.filter(
    (field) => !existing || JSON.stringify(existing[field]) !== JSON.stringify(row[field]),
  );
  if (clientSecret) changed.push("clientSecret");

  await db.transaction(async (tx) => {
    await tx
      .insert(organisationSso)
      .values({ organisationId: establishment.id, ...row })
      .onConflictDoUpdate({ target: organisationSso.organisationId, set: row });
    await recordAudit(tx, {
      action: "sso.configured",
      actorUserId: actor.userId,
      organisationId: establishment.id,
      origin,
      targetType: "organisation",
      targetId: establishment.id,
      details: {
        created: !existing,
        changed,
        isEnabled: row.isEnabled,
        issuer: row.issuer,
        accountCreation: row.accountCreation,
        allowedEmailDomains: row.allowedEmailDomains,
      },
    });
  });

  return { ok: true, created: !existing };
}
