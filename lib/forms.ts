import type { z } from "zod";

/** What a server action gives back to its form: field errors and/or a message for everyone. */
export type FormState = {
  fieldErrors?: Record<string, string[]>;
  message?: string;
  ok?: boolean;
  /** What was typed, so that a form shown again after an error keeps it (never passwords). */
  typed?: Record<string, string>;
  /** When the action needs a recent proof of identity: where to give it, and the link's text. */
  reauthenticate?: { path: string; label: string };
};

export type Parsed<T> = { success: true; data: T } | { success: false; state: FormState };

/**
 * Parses FormData with a zod schema whose messages are already user-facing; every field's
 * errors are kept so that the form can show all of them at once.
 */
export function parseForm<T>(schema: z.ZodType<T>, formData: FormData, message: string): Parsed<T> {
  const result = schema.safeParse(Object.fromEntries(formData));
  if (result.success) return { success: true, data: result.data };

  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }

  return { success: false, state: { fieldErrors, message, typed: typedValues(formData) } };
}

/**
 * The text fields of a form, without anything that looks like a secret: passwords and their
 * confirmation (the reset form calls it "confirmation"), secrets, tokens, Next's own fields.
 */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password|secret|token|confirmation|^\$ACTION/i.test(key)) values[key] = value;
  }

  return values;
}

// Control characters and spaces (URL parsers drop tabs and newlines, so "/\t/x" reads as "//x"),
// backslashes (read as "/"), and their percent-encoded forms.
const UNSAFE_IN_PATH = /[\u0000-\u0020\u007f\\]|%(?:[01][0-9a-f]|7f|2f|5c)/i;
const PATH_BASE = "http://vigie.invalid";

/**
 * A path inside this site to go back to after signing in; anything else becomes `fallback`.
 * Strict (security review M2): no control character, space or backslash, raw or encoded, no
 * "//", and the URL parser must agree that it stays on this origin.
 */
export function safeReturnPath(value: unknown, fallback = "/modules"): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/") || value.startsWith("//"))
    return fallback;
  if (UNSAFE_IN_PATH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PATH_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== PATH_BASE || url.pathname.startsWith("//")) return fallback;

  return url.pathname + url.search + url.hash;
}
