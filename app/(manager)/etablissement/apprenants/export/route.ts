import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { learnersCsv } from "@/lib/reports/learners-csv";
import { managedEstablishment } from "@/lib/reports/managed-establishment";

/**
 * GET /etablissement/apprenants/export?<the list's filters>: the learner list as a CSV file for
 * a French spreadsheet, streamed batch by batch as the database gives them.
 */
export async function GET(request: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    const { db } = await getDb();
    const establishment = await managedEstablishment(db, { actor, organisationId: params.etablissement });
    const chunks = learnersCsv(db, { organisationId: establishment.id, catalogue: getCatalogue(), asOf: new Date(), filters: learnerFiltersSchema.parse(params) });
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
        "content-disposition": `attachment; filename="apprenants-${day}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
