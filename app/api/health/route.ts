import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";

// Always evaluated at request time: health must reflect the database now.
export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database answers within 2 s, else 503. Anyone may ask, so the answer
 * says no more than that; the driver's reason goes to the server's log.
 */
export async function GET() {
  const result = await checkDatabase();
  if (!result.ok) console.error(`[vigie] health: database unavailable: ${result.reason}`);
  const body = result.ok ? { status: "ok", database: result.kind } : { status: "unavailable", database: result.kind };

  return NextResponse.json(body, { status: result.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
