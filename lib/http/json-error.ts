import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";

/** Route handlers answer failures as `{ code, message }` with the code's status. */
export function jsonError(error: unknown, extra: Record<string, unknown> = {}): NextResponse {
  const { status, body } = errorAnswer(error, extra);

  return NextResponse.json(body, { status });
}

/** The status and body of jsonError, for handlers that write a Node response themselves. */
export function errorAnswer(error: unknown, extra: Record<string, unknown> = {}): { status: number; body: Record<string, unknown> } {
  if (error instanceof AppError) return { status: error.status, body: { code: error.code, message: error.userMessage(), ...extra } };
  console.error(error);

  return { status: 500, body: { code: "internal", message: "Une erreur inattendue s'est produite. Réessayez dans un instant." } };
}
