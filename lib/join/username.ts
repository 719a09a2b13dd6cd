import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 40;
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

export type UsernameProblem = "too_short" | "too_long" | "format";

/** The sentence for each refused username, in `locale` (French when absent): the join form's errors. */
export function usernameMessages(locale?: Locale): Record<UsernameProblem, string> {
  const t = validationMessages(locale);

  return {
    too_short: t("username.tooShort", { min: USERNAME_MIN_LENGTH }),
    too_long: t("username.tooLong", { max: USERNAME_MAX_LENGTH }),
    format: t("username.format"),
  };
}

/**
 * The one rule for an identifier chosen by staff without a professional e-mail ("m.dupont"),
 * trimmed and lower-cased: lower-case letters, digits, dots, dashes and underscores, starting
 * and ending with a letter or digit. Never an "@", so that an identifier can never be mistaken
 * for an e-mail address at sign-in. The form field says what is wrong; lib/ refuses a username
 * that reaches it wrong as a bad request.
 */
export function usernameField(messages: Record<UsernameProblem, string> = usernameMessages()) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .min(USERNAME_MIN_LENGTH, messages.too_short)
    .max(USERNAME_MAX_LENGTH, messages.too_long)
    .regex(USERNAME_PATTERN, messages.format);
}

export const usernameSchema = usernameField();

/** True when a sign-in identifier is an e-mail address rather than a username. */
export const isEmailIdentifier = (identifier: string) => identifier.includes("@");
