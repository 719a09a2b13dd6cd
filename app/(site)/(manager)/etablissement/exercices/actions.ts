"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { exerciseFormFields } from "@/lib/phishing/exercise-form-fields";
import { changeExerciseState, exerciseStateChanges } from "@/lib/phishing/change-exercise-state";
import { createExercise } from "@/lib/phishing/create-exercise";
import { launchExercise } from "@/lib/phishing/launch-exercise";
import { listPhishingScenarios } from "@/lib/phishing/scenarios";

const PAGE = "/etablissement/exercices";

// The domain's refusals, by their detail, to the field and sentence the manager reads.
const refusals: Record<string, { field?: string; key: string }> = {
  "unknown scenario": { field: "scenarioId", key: "scenario" },
  "window in the past": { field: "windowStartsOn", key: "windowStartsOn" },
  "team of another establishment": { field: "teamIds", key: "teams" },
  "staff information not confirmed": { field: "staffInformed", key: "staffInformed" },
  "nobody reachable": { key: "nobodyReachable" },
  "no working hours left in the window": { key: "noHoursLeft" },
  "launched by the centre": { key: "centreExercise" },
};

async function refusal(error: unknown): Promise<FormState> {
  if (!(error instanceof AppError)) throw error;
  const t = await getTranslations("phishingExercises.errors");
  const known = error.detail ? refusals[error.detail] : undefined;
  if (known?.field) return { fieldErrors: { [known.field]: [t(known.key)] }, message: t("fixFields") };
  if (known) return { message: t(known.key) };

  return { message: t(error.code === "conflict" ? "conflict" : "notFound") };
}

/** Prepares a draft exercise for the establishment named in the form, if the actor manages it. */
export async function createExerciseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingExercises");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z.object({
    organisationId: z.guid(t("errors.notFound")),
    ...exerciseFormFields((key, values) => t(`errors.${key}`, values)),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;
  const teamIds = formData.getAll("teamIds").map(String);
  if (!teamIds.every((id) => z.guid().safeParse(id).success))
    return refusal(new AppError("not_found", "team of another establishment"));

  try {
    const { db } = await getDb();
    await createExercise(db, {
      actor,
      organisationId: parsed.data.organisationId,
      values: { ...parsed.data, teamIds, assignModuleOnClick: parsed.data.assignModuleOnClick === "on" },
      scenarioIds: listPhishingScenarios().map((s) => s.id),
      now: new Date(),
    });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(PAGE);

  return { ok: true, message: t("created") };
}

const exerciseSchema = z.object({ organisationId: z.guid(), exerciseId: z.guid() });

/** Launches a draft exercise, once the manager confirmed that staff were told. */
export async function launchExerciseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingExercises");
  const actor = await getActor();
  const parsed = exerciseSchema.safeParse(Object.fromEntries(formData));
  if (!actor || !parsed.success) return { message: t("errors.notFound") };

  try {
    const { db } = await getDb();
    const launched = await launchExercise(db, {
      actor,
      ...parsed.data,
      staffInformed: formData.get("staffInformed") === "on",
      now: new Date(),
    });
    revalidatePath(PAGE);

    return { ok: true, message: t("launched", { planned: launched.planned }) };
  } catch (error) {
    return refusal(error);
  }
}

/** Pauses, resumes or cancels an exercise. */
export async function changeExerciseStateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("phishingExercises");
  const actor = await getActor();
  const parsed = exerciseSchema
    .extend({ change: z.enum(exerciseStateChanges) })
    .safeParse(Object.fromEntries(formData));
  if (!actor || !parsed.success) return { message: t("errors.notFound") };

  try {
    const { db } = await getDb();
    await changeExerciseState(db, { actor, ...parsed.data, now: new Date() });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(PAGE);

  return { ok: true, message: t("changed") };
}
