import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { actorForApi } from "@/lib/auth/guards";
import { certificatePdf } from "@/lib/certificates/certificate-pdf";
import { findOwnCertificate } from "@/lib/certificates/find-own-certificate";
import { fileDownload } from "@/lib/http/file-download";
import { jsonError } from "@/lib/http/json-error";
import { publicOrigin } from "@/lib/http/public-origin";

/**
 * The signed-in learner's own certificate as a PDF; anyone else's is "not found". A certificate
 * replaced by a re-issue under a corrected name sends to its replacement's PDF (303): the old
 * name is no longer handed out, and its public page says "Certificat remplacé".
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const actor = await actorForApi(request);
    const { code } = await params;
    const { db } = await getDb();
    const found = await findOwnCertificate(db, { userId: actor.userId, code });
    if (found.status === "replaced")
      return NextResponse.redirect(new URL(`/api/certificats/${found.replacementCode}/pdf`, request.url), 303);
    const { certificate } = found;
    const pdf = await certificatePdf(certificate, publicOrigin(), actor.locale);

    return fileDownload(Buffer.from(pdf), {
      type: "application/pdf",
      name: `certificat-vigie-${certificate.subjectId}.pdf`,
    });
  } catch (error) {
    return jsonError(error, request);
  }
}
