import { NextResponse } from "next/server";
import { RETRY_AFTER_SECONDS, describeDatabaseFailure, isDatabaseUnavailable } from "@/db/database-unavailable";
import { AppError } from "@/lib/errors";
import { validationMessages } from "@/lib/i18n/validation-messages";

/** Route handlers answer failures as `{ code, message }` with the code's status, the message in French. */
export function jsonError(error: unknown, extra: Record<string, unknown> = {}): NextResponse {
  const { status, body, headers } = errorAnswer(error, extra);

  return NextResponse.json(body, { status, headers });
}

type ErrorAnswer = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/**
 * The status, body and headers of jsonError, for handlers that write a Node response themselves.
 * A database that is down or too slow is a 503 with Retry-After, logged as one line.
 */
export function errorAnswer(error: unknown, extra: Record<string, unknown> = {}): ErrorAnswer {
  if (error instanceof AppError)
    return { status: error.status, body: { code: error.code, message: error.userMessage(), ...extra }, headers: {} };
  if (isDatabaseUnavailable(error)) {
    console.error(describeDatabaseFailure(error));

    return {
      status: 503,
      body: { code: "unavailable", message: new AppError("unavailable").userMessage() },
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    };
  }
  console.error(error);

  return {
    status: 500,
    body: { code: "internal", message: validationMessages()("appErrors.internal") },
    headers: {},
  };
}
