import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

/**
 * The one rule for a person's name, whoever provides it (join form, roster import, naming a
 * manager, an identity provider's profile, a correction): NFC, single spaces, at least one
 * letter, no control or invisible character (a name made of U+200B would print "décerné à"
 * nobody), except the joiners some scripts need between two letters; at most 120 characters.
 */
export const PERSON_NAME_MIN_LENGTH = 2;
export const PERSON_NAME_MAX_LENGTH = 120;

export type PersonNameProblem = "too_short" | "too_long" | "no_letter" | "invisible";
export type PersonNameCheck = { ok: true; name: string } | { ok: false; problem: PersonNameProblem };

// Zero-width non-joiner and joiner: invisible, but Persian, Indic scripts and others need them
// inside words. Everything else that is a control, a format character or ignorable is refused.
const JOINER_BETWEEN_LETTERS = /(?<=[\p{L}\p{M}])[\u200C\u200D](?=\p{L})/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800\u3164\uFFA0\u115F\u1160]/u;

export function checkPersonName(input: string): PersonNameCheck {
  const name = input.normalize("NFC").replace(/\s+/gu, " ").trim();
  const length = [...name].length;
  if (length < PERSON_NAME_MIN_LENGTH) return { ok: false, problem: "too_short" };
  if (length > PERSON_NAME_MAX_LENGTH) return { ok: false, problem: "too_long" };
  if (INVISIBLE.test(name.replace(JOINER_BETWEEN_LETTERS, ""))) return { ok: false, problem: "invisible" };
  if (!/\p{L}/u.test(name)) return { ok: false, problem: "no_letter" };

  return { ok: true, name };
}

/** The sentence for each refused name, for forms and import reports, in `locale` (French when absent). */
export function personNameMessages(locale?: Locale): Record<PersonNameProblem, string> {
  const t = validationMessages(locale);

  return {
    too_short: t("personName.tooShort", { min: PERSON_NAME_MIN_LENGTH }),
    too_long: t("personName.tooLong", { max: PERSON_NAME_MAX_LENGTH }),
    no_letter: t("personName.noLetter"),
    invisible: t("personName.invisible"),
  };
}

/** A form field holding a person's name: the checked name, or the matching message. */
export function personNameField(messages: Record<PersonNameProblem, string> = personNameMessages()) {
  return z.string().transform((value, ctx) => {
    const check = checkPersonName(value);
    if (check.ok) return check.name;
    ctx.addIssue({ code: "custom", message: messages[check.problem] });

    return z.NEVER;
  });
}
