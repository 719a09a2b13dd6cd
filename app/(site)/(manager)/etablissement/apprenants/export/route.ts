import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";
import { csvDownload } from "@/lib/http/csv-download";
import { jsonError } from "@/lib/http/json-error";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { learnersCsv } from "@/lib/reports/learners-csv";
import { requireManagerRouteEstablishment } from "@/lib/access/route-guards";
import { needsReauthentication, reauthenticationRedirect } from "@/app/_components/reauthentication";
import { requireRecentAuth } from "@/lib/access/recent-auth";

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
    const establishment = await requireManagerRouteEstablishment(db, {
      actor,
      request,
      requestedId: params.etablissement,
    });
    requireRecentAuth(actor);
    const chunks = learnersCsv(db, {
      organisationId: establishment.id,
      catalogue: getCatalogue(),
      asOf: new Date(),
      filters: learnerFiltersSchema.parse(params),
    });

    return csvDownload(chunks, "apprenants");
  } catch (error) {
    // Back to the list as it was filtered, where the link is.
    if (needsReauthentication(error))
      return reauthenticationRedirect(`/etablissement/apprenants${new URL(request.url).search}`);
    return jsonError(error, request);
  }
}
