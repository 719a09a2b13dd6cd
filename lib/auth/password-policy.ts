import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// About 49,000 passwords most often found in breaches (zxcvbn-ts, MIT), compared lower-cased.
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())));

export type PasswordProblem = "too_short" | "too_long" | "too_common";

/**
 * NIST SP 800-63B style: long enough, no composition rules, not a known common password.
 * Length counts characters as the user sees them (é is one), not bytes.
 */
export function checkPassword(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (commonPasswords().has(password.toLowerCase())) return "too_common";

  return null;
}

/** The translator of the `password` messages namespace: the rule's sentences, for every form that sets one. */
type PasswordTexts = (key: "tooShort" | "tooLong" | "tooCommon", values: { min: number; max: number }) => string;

/** A new password as a form field: checkPassword's rule, each refusal said in the reader's words. */
export function passwordField(t: PasswordTexts) {
  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  const problems = { too_short: "tooShort", too_long: "tooLong", too_common: "tooCommon" } as const;

  return z.string().superRefine((value, ctx) => {
    const problem = checkPassword(value);
    if (problem) ctx.addIssue({ code: "custom", message: t(problems[problem], limits) });
  });
}
