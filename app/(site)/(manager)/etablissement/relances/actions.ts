"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { updateReminderSettings } from "@/lib/reminders/reminder-settings";

/** Saves the establishment's reminder settings. */
export async function updateReminderSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("reminders.settings");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z.object({
    organisationId: z.guid(t("errors.notFound")),
    autoEnabled: z.literal("on").optional(),
    daysBefore: z.coerce
      .number(t("errors.daysBefore"))
      .int(t("errors.daysBefore"))
      .min(1, t("errors.daysBefore"))
      .max(60, t("errors.daysBefore")),
    intervalDays: z.coerce
      .number(t("errors.intervalDays"))
      .int(t("errors.intervalDays"))
      .min(1, t("errors.intervalDays"))
      .max(90, t("errors.intervalDays")),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;
  const { organisationId, autoEnabled, daysBefore, intervalDays } = parsed.data;

  try {
    const { db } = await getDb();
    await updateReminderSettings(db, {
      actor,
      organisationId,
      values: { autoEnabled: autoEnabled === "on", daysBefore, intervalDays },
    });
  } catch (error) {
    if (error instanceof AppError) return { message: t("errors.notFound") };
    throw error;
  }
  revalidatePath("/etablissement/relances");

  return { ok: true, message: t("saved") };
}
