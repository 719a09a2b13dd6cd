"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { requestOrigin } from "@/lib/http/request-origin";
import { setIndividualResultsSetting } from "@/lib/phishing/individual-results-setting";

/** Saves whether the establishment's managers see individual exercise results. */
export async function setIndividualResultsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingPeople.settings");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z.object({
    organisationId: z.guid(t("errors.notFound")),
    enabled: z.literal("on").optional(),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  try {
    const { db } = await getDb();
    await setIndividualResultsSetting(db, {
      actor,
      organisationId: parsed.data.organisationId,
      enabled: parsed.data.enabled === "on",
      origin: requestOrigin(await headers()),
    });
  } catch (error) {
    if (error instanceof AppError) return { message: t("errors.notFound") };
    throw error;
  }
  revalidatePath("/etablissement/exercices");
  revalidatePath("/etablissement/exercices/reglages");

  return { ok: true, message: t("saved") };
}
