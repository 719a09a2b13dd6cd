"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { reissueCertificate } from "@/lib/certificates/reissue-certificate";
import { AppError } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/request-origin";

/**
 * "Rééditer à mon nom actuel": the signed-in learner's own certificate, re-issued under the
 * corrected name; the page then says which one (or that nothing changed). A second submit of the
 * same form lands on the same replacement.
 */
export async function reissueCertificateAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?retour=${encodeURIComponent("/mes-certificats")}`);
  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  let target: string;
  try {
    const { certificate } = await reissueCertificate(db, {
      actor,
      certificateId: String(formData.get("certificateId") ?? ""),
      origin: requestOrigin(requestHeaders),
    });
    target = `/mes-certificats?reedite=${certificate.id}`;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    target = "/mes-certificats?reedition=refusee";
  }
  redirect(target);
}
