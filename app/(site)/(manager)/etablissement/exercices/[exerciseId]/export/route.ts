import { getDb } from "@/db/client";
import { requireManagerRouteEstablishment } from "@/lib/access/route-guards";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { csvDownload } from "@/lib/http/csv-download";
import { jsonError } from "@/lib/http/json-error";
import { exerciseResultsCsv } from "@/lib/phishing/exercise-results-csv";
import { needsReauthentication, reauthenticationRedirect } from "@/app/_components/reauthentication";

type Context = { params: Promise<{ exerciseId: string }> };

/**
 * GET /etablissement/exercices/<id>/export: an exercise's results by service as a CSV file for a
 * French spreadsheet. Another establishment's exercise, or an unknown one, is not found.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { exerciseId } = await params;
  const url = new URL(request.url);
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    const { db } = await getDb();
    const establishment = await requireManagerRouteEstablishment(db, {
      actor,
      request,
      requestedId: url.searchParams.get("etablissement"),
    });
    const chunks = await exerciseResultsCsv(db, { actor, organisationId: establishment.id, exerciseId });

    return csvDownload(chunks, "resultats-exercice");
  } catch (error) {
    // Back to the results page, where the link is.
    if (needsReauthentication(error))
      return reauthenticationRedirect(`/etablissement/exercices/${encodeURIComponent(exerciseId)}${url.search}`);
    return jsonError(error, request);
  }
}
