"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";

/** Revokes a certificate of the actor's establishment, with a reason. */
export async function revokeCertificateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("managerCertificates");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z.object({
    certificateId: z.uuid(t("errors.notFound")),
    reason: z.string().trim().min(3, t("errors.reasonTooShort")).max(500, t("errors.reasonTooLong")),
    // Revoking cannot be undone: the form asks for an explicit confirmation.
    confirm: z.literal("on", t("errors.confirm")),
    publishReason: z.literal("on").optional(),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  try {
    const { db } = await getDb();
    const { certificateId, reason, publishReason } = parsed.data;
    await revokeCertificate(db, { actor, certificateId, reason, publishReason: publishReason === "on" });
  } catch (error) {
    if (error instanceof AppError) return { message: t("errors.notFound") };
    throw error;
  }
  revalidatePath("/etablissement/certificats");

  return { ok: true, message: t("revokedDone") };
}
