import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { archiveFilters, archiveParamsSchemaFor } from "@/lib/certificates/archive-filters";
import { certificatesArchive } from "@/lib/certificates/certificates-archive";
import { AppError } from "@/lib/errors";
import { fileDownload } from "@/lib/http/file-download";
import { jsonError } from "@/lib/http/json-error";
import { publicOrigin } from "@/lib/http/public-origin";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { requireManagerRouteEstablishment } from "@/lib/access/route-guards";
import { needsReauthentication, reauthenticationRedirect } from "@/app/_components/reauthentication";

/**
 * GET /etablissement/certificats/archive?etablissement=&sujet=&du=&au=: the establishment's
 * certificates as a ZIP (PDFs and an index), streamed; not found for anyone but its managers
 * and the platform admins.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("not_found");
    const schema = archiveParamsSchemaFor(await readerLocale());
    const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      return NextResponse.json(
        { code: "bad_request", message: parsed.error.issues.map((i) => i.message).join(" ") },
        { status: 400 },
      );
    const { db } = await getDb();
    const asOf = new Date();
    const establishment = await requireManagerRouteEstablishment(db, {
      actor,
      request,
      requestedId: parsed.data.etablissement,
    });
    const { stream } = await certificatesArchive(db, {
      actor,
      organisationId: establishment.id,
      filters: archiveFilters(parsed.data),
      baseUrl: publicOrigin(),
      asOf,
    });

    return fileDownload(stream, {
      type: "application/zip",
      name: `certificats-${asOf.toISOString().slice(0, 10)}.zip`,
    });
  } catch (error) {
    if (needsReauthentication(error))
      return reauthenticationRedirect(
        `/etablissement/certificats?etablissement=${encodeURIComponent(new URL(request.url).searchParams.get("etablissement") ?? "")}`,
      );
    return jsonError(error, request);
  }
}
