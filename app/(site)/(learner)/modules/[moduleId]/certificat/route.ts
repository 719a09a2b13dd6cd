import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { learnerForApi } from "@/lib/auth/guards";
import { findLearnerCertificate, issueCertificates } from "@/lib/certificates/issue-certificates";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";

/**
 * "Téléchargez votre certificat" on the completion screen: issues what the learner has earned
 * (once), then sends them to the PDF; without a completed module, to their certificates page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ moduleId: string }> }) {
  const { moduleId } = await params;
  const signIn = new URL(`/connexion?retour=${encodeURIComponent(`/modules/${moduleId}`)}`, request.url);
  let context;
  try {
    context = await learnerForApi(request);
  } catch (error) {
    if (error instanceof AppError) return NextResponse.redirect(signIn, 303);
    throw error;
  }
  const { db } = await getDb();
  const learner = { userId: context.actor.userId, organisationId: context.membership.organisationId };
  await issueCertificates(db, { learner, catalogue: getCatalogue() });
  const certificate = await findLearnerCertificate(db, learner.userId, "module", moduleId);
  const target = certificate ? `/api/certificats/${certificate.code}/pdf` : "/mes-certificats";

  return NextResponse.redirect(new URL(target, request.url), 303);
}
