import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { regionCsv } from "@/lib/region/region-csv";

/** GET /centre/tableau-de-bord/export: the region view per establishment and month, as CSV, for platform admins only. */
export async function GET(): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    const { db } = await getDb();
    const chunks = await regionCsv(db, { actor, asOf: new Date() });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);

    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="region-${day}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
