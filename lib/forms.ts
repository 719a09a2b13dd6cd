import type { z } from "zod";

/** What a server action gives back to its form: field errors and/or a message for everyone. */
export type FormState = {
  fieldErrors?: Record<string, string[]>;
  message?: string;
  ok?: boolean;
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

  return { success: false, state: { fieldErrors, message } };
}

/** A path inside this site to go back to after signing in; anything else becomes `fallback`. */
export function safeReturnPath(value: unknown, fallback = "/modules"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }

  return value;
}
