import { z } from "zod";
import { isFrenchPhone } from "./french-phone";

export const INCIDENT_CONTACT_NAME_MIN = 2;
export const INCIDENT_CONTACT_NAME_MAX = 100;
const EMAIL_MAX = 254;

const email = z.email();

function nameError(name: string): string | null {
  if (name === "") return "Saisissez le nom du contact.";
  if (name.length < INCIDENT_CONTACT_NAME_MIN)
    return `Le nom doit compter au moins ${INCIDENT_CONTACT_NAME_MIN} caractères.`;
  if (name.length > INCIDENT_CONTACT_NAME_MAX)
    return `Le nom doit compter au plus ${INCIDENT_CONTACT_NAME_MAX} caractères.`;

  return null;
}

function phoneError(phone: string): string | null {
  if (phone === "") return "Saisissez le numéro de téléphone du contact.";
  if (!isFrenchPhone(phone))
    return "Saisissez un numéro de téléphone français, par exemple 04 91 00 00 00 ou +33 4 91 00 00 00.";

  return null;
}

function emailError(value: string): string | null {
  if (value === "") return "Saisissez l'adresse e-mail du contact.";
  if (value.length > EMAIL_MAX || !email.safeParse(value).success)
    return "Saisissez une adresse e-mail valide, par exemple rssi@etablissement.fr.";

  return null;
}

/**
 * An establishment's incident contact as a manager types it. The three fields go together:
 * all three filled in (the contact), or all three empty (null: no contact). Whitespace is
 * trimmed and runs of it collapsed; the name is kept as text, whatever characters it holds.
 */
export const incidentContactSchema = z
  .object({ name: z.string(), phone: z.string(), email: z.string() })
  .transform(({ name, phone, email }) => ({
    name: name.replace(/\s+/g, " ").trim(),
    phone: phone.replace(/\s+/g, " ").trim(),
    email: email.trim(),
  }))
  .superRefine((contact, context) => {
    if (contact.name === "" && contact.phone === "" && contact.email === "") return;
    const errors = {
      name: nameError(contact.name),
      phone: phoneError(contact.phone),
      email: emailError(contact.email),
    };
    for (const [field, message] of Object.entries(errors)) {
      if (message) context.addIssue({ code: "custom", path: [field], message });
    }
  })
  .transform((contact) => (contact.name === "" ? null : contact));

export type IncidentContactInput = z.input<typeof incidentContactSchema>;
