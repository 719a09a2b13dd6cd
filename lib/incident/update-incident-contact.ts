import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import type { Locale } from "@/lib/i18n/locales";
import type { IncidentContact } from "./get-incident-contact";
import { type IncidentContactInput, incidentContactSchema } from "./incident-contact-schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";

export type UpdateIncidentContactOptions = IncidentContactInput & {
  actor: Actor;
  organisationId: string;
  /** The language of the field errors; French when absent. */
  locale?: Locale;
};

export type UpdateIncidentContactResult =
  { ok: true; contact: IncidentContact | null } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Sets an establishment's incident contact, or removes it when all three fields are empty.
 * Only its managers and the platform admins above it may; anyone else gets `not_found`, and
 * invalid input gets field errors: in both cases nothing is written.
 */
export async function updateIncidentContact(
  db: Db,
  { actor, organisationId, locale, ...input }: UpdateIncidentContactOptions,
): Promise<UpdateIncidentContactResult> {
  const establishment = await requireManagedEstablishment(db, actor, organisationId);

  const parsed = incidentContactSchema(locale).safeParse(input);
  if (!parsed.success)
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };

  const contact = parsed.data;
  const now = new Date();
  await db
    .update(organisations)
    .set({
      incidentContactName: contact?.name ?? null,
      incidentContactPhone: contact?.phone ?? null,
      incidentContactEmail: contact?.email ?? null,
      incidentContactUpdatedAt: now,
      updatedAt: now,
    })
    .where(eq(organisations.id, establishment.id));

  return { ok: true, contact: contact && { ...contact, updatedAt: now } };
}
