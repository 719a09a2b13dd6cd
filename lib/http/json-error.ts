import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";

/** Route handlers answer failures as `{ code, message }` with the code's status. */
export function jsonError(error: unknown, extra: Record<string, unknown> = {}): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json({ code: error.code, message: error.userMessage(), ...extra }, { status: error.status });
  }
  console.error(error);

  return NextResponse.json({ code: "internal", message: "Une erreur inattendue s'est produite. Réessayez dans un instant." }, { status: 500 });
}
