import { and, eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { certificates } from "@/db/schema";
import { actorForApi } from "@/lib/auth/guards";
import { certificatePdf } from "@/lib/certificates/certificate-pdf";
import { normaliseCertificateCode } from "@/lib/certificates/generate-code";
import { AppError } from "@/lib/errors";
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
    const code = normaliseCertificateCode((await params).code);
    if (!code) throw new AppError("not_found");
    const { db } = await getDb();
    const [certificate] = await db
      .select()
      .from(certificates)
      .where(and(eq(certificates.code, code), eq(certificates.userId, actor.userId)));
    if (!certificate) throw new AppError("not_found");
    if (certificate.replacedBy) {
      const [replacement] = await db
        .select({ code: certificates.code })
        .from(certificates)
        .where(and(eq(certificates.id, certificate.replacedBy), eq(certificates.userId, actor.userId)));
      if (!replacement) throw new AppError("not_found");

      return NextResponse.redirect(new URL(`/api/certificats/${replacement.code}/pdf`, request.url), 303);
    }
    const pdf = await certificatePdf(certificate, publicOrigin(), actor.locale);

    return fileDownload(Buffer.from(pdf), {
      type: "application/pdf",
      name: `certificat-vigie-${certificate.subjectId}.pdf`,
    });
  } catch (error) {
    return jsonError(error);
  }
}
