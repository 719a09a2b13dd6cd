import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { isFrenchPhone } from "./french-phone";

export const INCIDENT_CONTACT_NAME_MIN = 2;
export const INCIDENT_CONTACT_NAME_MAX = 100;
const EMAIL_MAX = 254;

const email = z.email();

type Texts = ReturnType<typeof validationMessages>;

function nameError(t: Texts, name: string): string | null {
  if (name === "") return t("incidentContact.nameMissing");
  if (name.length < INCIDENT_CONTACT_NAME_MIN)
    return t("incidentContact.nameShort", { min: INCIDENT_CONTACT_NAME_MIN });
  if (name.length > INCIDENT_CONTACT_NAME_MAX) return t("incidentContact.nameLong", { max: INCIDENT_CONTACT_NAME_MAX });

  return null;
}

function phoneError(t: Texts, phone: string): string | null {
  if (phone === "") return t("incidentContact.phoneMissing");
  if (!isFrenchPhone(phone)) return t("incidentContact.phoneInvalid");

  return null;
}

function emailError(t: Texts, value: string): string | null {
  if (value === "") return t("incidentContact.emailMissing");
  if (value.length > EMAIL_MAX || !email.safeParse(value).success) return t("incidentContact.emailInvalid");

  return null;
}

/**
 * An establishment's incident contact as a manager types it. The three fields go together:
 * all three filled in (the contact), or all three empty (null: no contact). Whitespace is
 * trimmed and runs of it collapsed; the name is kept as text, whatever characters it holds.
 * Its messages are in `locale` (French when none is given).
 */
export function incidentContactSchema(locale?: Locale) {
  const t = validationMessages(locale);

  return z
    .object({ name: z.string(), phone: z.string(), email: z.string() })
    .transform(({ name, phone, email }) => ({
      name: name.replace(/\s+/g, " ").trim(),
      phone: phone.replace(/\s+/g, " ").trim(),
      email: email.trim(),
    }))
    .superRefine((contact, context) => {
      if (contact.name === "" && contact.phone === "" && contact.email === "") return;
      const errors = {
        name: nameError(t, contact.name),
        phone: phoneError(t, contact.phone),
        email: emailError(t, contact.email),
      };
      for (const [field, message] of Object.entries(errors)) {
        if (message) context.addIssue({ code: "custom", path: [field], message });
      }
    })
    .transform((contact) => (contact.name === "" ? null : contact));
}

export type IncidentContactInput = z.input<ReturnType<typeof incidentContactSchema>>;
