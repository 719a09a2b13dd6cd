import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";

// Always evaluated at request time: health must reflect the database now.
export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 with the reason when it does not. */
export async function GET() {
  const result = await checkDatabase();
  const body = result.ok
    ? { status: "ok", database: result.kind, latencyMs: result.latencyMs }
    : { status: "unavailable", database: result.kind, reason: result.reason };

  return NextResponse.json(body, {
    status: result.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
