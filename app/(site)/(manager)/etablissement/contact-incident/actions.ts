"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { updateIncidentContact } from "@/lib/incident/update-incident-contact";

export type IncidentContactValues = { name: string; phone: string; email: string };

/** The form's state, with what was typed so that a refused entry is not lost when the form resets. */
export type IncidentContactFormState = FormState & { values?: IncidentContactValues };

// Only the shape of the form here; what a valid contact is, is the domain's rule (incident-contact-schema.ts).
const formSchema = z.object({
  organisationId: z.string().default(""),
  name: z.string().default(""),
  phone: z.string().default(""),
  email: z.string().default(""),
});

/** Sets or removes the incident contact of an establishment the signed-in user manages. */
export async function saveIncidentContact(
  _previous: IncidentContactFormState,
  formData: FormData,
): Promise<IncidentContactFormState> {
  const [t, locale, actor] = await Promise.all([getTranslations("incident.contactForm"), readerLocale(), getActor()]);
  if (!actor) return { message: t("signedOut") };
  const parsed = parseForm(formSchema, formData, t("fixFields"));
  if (!parsed.success) return parsed.state;
  const { organisationId, ...values } = parsed.data;
  const { db } = await getDb();

  try {
    const result = await updateIncidentContact(db, { actor, organisationId, locale, ...values });
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: t("fixFields"), values };
    revalidatePath("/signaler-un-incident");
    revalidatePath("/etablissement/contact-incident");
    const { contact } = result;

    return contact
      ? { ok: true, message: t("saved"), values: { name: contact.name, phone: contact.phone, email: contact.email } }
      : { ok: true, message: t("cleared"), values: { name: "", phone: "", email: "" } };
  } catch (error) {
    if (error instanceof AppError) return { message: error.userMessage(locale) };
    throw error;
  }
}
