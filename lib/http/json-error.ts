import { NextResponse } from "next/server";
import { RETRY_AFTER_SECONDS, describeDatabaseFailure, isDatabaseUnavailable } from "@/db/database-unavailable";
import { AppError } from "@/lib/errors";
import { requesterLocale } from "@/lib/i18n/requester-locale";
import { validationMessages } from "@/lib/i18n/validation-messages";

type Requester = Pick<Request, "headers">;

/**
 * Route handlers answer failures as `{ code, message }` with the code's status, the message in
 * the requester's language (the locale cookie, as pages); codes and statuses never depend on it.
 */
export function jsonError(error: unknown, request: Requester, extra: Record<string, unknown> = {}): NextResponse {
  const { status, body, headers } = errorAnswer(error, request, extra);

  return NextResponse.json(body, { status, headers });
}

type ErrorAnswer = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/**
 * The status, body and headers of jsonError, for handlers that write a Node response themselves.
 * A database that is down or too slow is a 503 with Retry-After, logged as one line.
 */
export function errorAnswer(error: unknown, request: Requester, extra: Record<string, unknown> = {}): ErrorAnswer {
  const locale = requesterLocale(request);
  if (error instanceof AppError)
    return {
      status: error.status,
      body: { code: error.code, message: error.userMessage(locale), ...extra },
      headers: {},
    };
  if (isDatabaseUnavailable(error)) {
    console.error(describeDatabaseFailure(error));

    return {
      status: 503,
      body: { code: "unavailable", message: new AppError("unavailable").userMessage(locale) },
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    };
  }
  console.error(error);

  return {
    status: 500,
    body: { code: "internal", message: validationMessages(locale)("appErrors.internal") },
    headers: {},
  };
}
