import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisationSso } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { decryptClientSecret, encryptClientSecret } from "./client-secret-crypto";
import { type SsoSettingsInput, ssoSettingsSchema } from "./sso-settings-schema";

export type SaveSsoSettingsOptions = { actor: Actor; organisationId: string; input: SsoSettingsInput; origin?: RequestOrigin };

export type SaveSsoSettingsResult = { ok: true; created: boolean } | { ok: false; fieldErrors: Record<string, string[]> };

const AUDITED_FIELDS = ["displayName", "issuer", "clientId", "discoveryPath", "scopes", "acrValues", "isEnabled"] as const;

/**
 * Creates or changes an establishment's SSO settings. Only its managers and the platform admins
 * above it may (others: not_found, nothing written). The client secret is stored encrypted; left
 * empty on an existing configuration it is kept. Audited with the names of the changed fields.
 */
export async function saveSsoSettings(db: Db, { actor, organisationId, input, origin }: SaveSsoSettingsOptions): Promise<SaveSsoSettingsResult> {
  const [establishment] = await listManagedEstablishments(db, { actor, organisationId });
  if (!establishment) throw new AppError("not_found", `sso settings of ${organisationId} refused to ${actor.userId}`);

  const parsed = ssoSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const { clientSecret, ...values } = parsed.data;
  const [existing] = await db.select().from(organisationSso).where(eq(organisationSso.organisationId, establishment.id));
  const keepsSecret = !!existing && decryptClientSecret(existing.clientSecretEncrypted) !== null;
  if (!keepsSecret && clientSecret === "") return { ok: false, fieldErrors: { clientSecret: ["Saisissez le secret client (client_secret) fourni par le fournisseur d'identité."] } };

  const row = {
    ...values,
    discoveryPath: values.discoveryPath || null,
    acrValues: values.acrValues || null,
    clientSecretEncrypted: clientSecret ? encryptClientSecret(clientSecret) : existing!.clientSecretEncrypted,
    updatedAt: new Date(),
  };
  const changed: string[] = AUDITED_FIELDS.filter((field) => !existing || existing[field] !== row[field]);
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
      details: { created: !existing, changed, isEnabled: row.isEnabled, issuer: row.issuer },
    });
  });

  return { ok: true, created: !existing };
}
