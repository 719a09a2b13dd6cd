import { getDb } from "@/db/client";
import { actorForApi } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { fileDownload } from "@/lib/http/file-download";
import { jsonError } from "@/lib/http/json-error";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";
import { needsReauthentication, reauthenticationRedirect } from "@/app/_components/reauthentication";
import { requireRecentAuth } from "@/lib/access/recent-auth";
import { recordAudit } from "@/lib/audit/record-audit";

/** The signed-in person's own data, as a JSON file (RGPD right of access). */
export async function GET(request: Request) {
  try {
    const actor = await actorForApi(request);
    requireRecentAuth(actor);
    const { db } = await getDb();
    const data = await exportPersonalData(db, actor.userId);
    await recordAudit(db, {
      action: "personal_data_exported",
      actorUserId: actor.userId,
      targetType: "user",
      targetId: actor.userId,
      origin: {
        ipAddress: clientAddress(request.headers, env().TRUST_PROXY_HOPS),
        userAgent: request.headers.get("user-agent"),
      },
    });

    return fileDownload(JSON.stringify(data, null, 2), {
      type: "application/json; charset=utf-8",
      name: `vigie-mes-donnees-${new Date().toISOString().slice(0, 10)}.json`,
    });
  } catch (error) {
    if (needsReauthentication(error)) return reauthenticationRedirect("/mon-compte");
    return jsonError(error, request);
  }
}
