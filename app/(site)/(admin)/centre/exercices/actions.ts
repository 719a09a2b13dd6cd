"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { exerciseFormFields } from "@/lib/phishing/exercise-form-fields";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { changeCampaignState } from "@/lib/phishing/change-campaign-state";
import { exerciseStateChanges } from "@/lib/phishing/change-exercise-state";
import { CampaignEstablishmentsError, createCampaign } from "@/lib/phishing/create-campaign";
import { launchCampaign } from "@/lib/phishing/launch-campaign";
import { listPhishingScenarios } from "@/lib/phishing/scenarios";

const PAGE = "/centre/exercices";

// The domain's refusals, by their detail, to the field and sentence the platform admin reads.
const refusals: Record<string, { field?: string; key: string }> = {
  "unknown scenario": { field: "scenarioId", key: "scenario" },
  "window in the past": { field: "windowStartsOn", key: "windowStartsOn" },
  "establishment outside the centre": { field: "organisationIds", key: "establishments" },
  "establishments of several centres": { field: "organisationIds", key: "severalCentres" },
  "staff information not confirmed": { field: "staffInformed", key: "staffInformed" },
  "no working hours left in the window": { key: "noHoursLeft" },
};

async function refusal(error: unknown): Promise<FormState> {
  if (!(error instanceof AppError)) throw error;
  const [t, locale] = await Promise.all([getTranslations("phishingCampaigns.errors"), readerLocale()]);
  if (error instanceof CampaignEstablishmentsError)
    return {
      message: t("nobodyReachable", {
        names: new Intl.ListFormat(locale, { type: "conjunction" }).format(error.establishments),
        count: error.establishments.length,
      }),
    };
  const known = error.detail ? refusals[error.detail] : undefined;
  if (known?.field) return { fieldErrors: { [known.field]: [t(known.key)] }, message: t("fixFields") };
  if (known) return { message: t(known.key) };

  return { message: t(error.code === "conflict" ? "conflict" : "notFound") };
}

/** Prepares a centre exercise for the establishments ticked, if they are all of the actor's centre. */
export async function createCampaignAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingCampaigns");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z.object(exerciseFormFields((key, values) => t(`errors.${key}`, values)));
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;
  const organisationIds = formData.getAll("organisationIds").map(String);
  if (organisationIds.length === 0 || !organisationIds.every((id) => z.guid().safeParse(id).success))
    return refusal(new AppError("not_found", "establishment outside the centre"));

  try {
    const { db } = await getDb();
    await createCampaign(db, {
      actor,
      values: { ...parsed.data, organisationIds, assignModuleOnClick: parsed.data.assignModuleOnClick === "on" },
      scenarioIds: listPhishingScenarios().map((s) => s.id),
      now: new Date(),
    });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(PAGE);

  return { ok: true, message: t("created", { count: new Set(organisationIds).size }) };
}

const campaignSchema = z.object({ campaignId: z.guid() });

/** Launches every draft part of a centre exercise, once the admin confirmed that each establishment's staff were told. */
export async function launchCampaignAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingCampaigns");
  const actor = await getActor();
  const parsed = campaignSchema.safeParse({ campaignId: formData.get("campaignId") });
  if (!actor || !parsed.success) return { message: t("errors.notFound") };

  try {
    const { db } = await getDb();
    const launched = await launchCampaign(db, {
      actor,
      campaignId: parsed.data.campaignId,
      staffInformed: formData.get("staffInformed") === "on",
      now: new Date(),
    });
    revalidatePath(PAGE, "layout");

    return { ok: true, message: t("launched", launched) };
  } catch (error) {
    return refusal(error);
  }
}

/** Pauses, resumes or cancels a centre exercise in every establishment the change applies to. */
export async function changeCampaignStateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingCampaigns");
  const actor = await getActor();
  const parsed = campaignSchema
    .extend({ change: z.enum(exerciseStateChanges) })
    .safeParse({ campaignId: formData.get("campaignId"), change: formData.get("change") });
  if (!actor || !parsed.success) return { message: t("errors.notFound") };

  try {
    const { db } = await getDb();
    const changed = await changeCampaignState(db, { actor, ...parsed.data, now: new Date() });
    revalidatePath(PAGE, "layout");

    return { ok: true, message: t("changed", { count: changed.establishments }) };
  } catch (error) {
    return refusal(error);
  }
}
