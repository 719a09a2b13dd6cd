import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { csvDownload } from "@/lib/http/csv-download";
import { jsonError } from "@/lib/http/json-error";
import { regionCsv } from "@/lib/region/region-csv";
import { needsReauthentication, reauthenticationRedirect } from "@/app/_components/reauthentication";

/** GET /centre/tableau-de-bord/export: the region view per establishment and month, as CSV, for platform admins only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    const { db } = await getDb();
    const chunks = await regionCsv(db, { actor, asOf: new Date() });

    return csvDownload(chunks, "region");
  } catch (error) {
    if (needsReauthentication(error)) return reauthenticationRedirect("/centre/tableau-de-bord");
    return jsonError(error, request);
  }
}
