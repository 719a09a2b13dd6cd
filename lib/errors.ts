import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

/** Each code's HTTP status; its message, in French and English, is in the catalogue (`appErrors`). */
export const errorCodes = {
  bad_request: { status: 400 },
  unauthenticated: { status: 401 },
  /** A live session that has not given its second factor yet: signed in, but nobody until it does. */
  second_factor_required: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  conflict: { status: 409 },
  payload_too_large: { status: 413 },
  stale_content: { status: 409 },
  establishment_not_chosen: { status: 409 },
  reauthentication_required: { status: 403 },
  rate_limited: { status: 429 },
  unavailable: { status: 503 },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * A failure the user may be told about: a code with a French (and English) message and an
 * HTTP status, plus an internal detail for logs. Outsiders get `not_found`, never `forbidden`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "AppError";
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  userMessage(locale?: Locale): string {
    return validationMessages(locale)(`appErrors.${this.code}`);
  }
}
