import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/**
 * Liveness: 200 as long as this process answers HTTP, without touching the database, so that a
 * slow or unreachable database does not make every instance look dead and get restarted.
 */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
