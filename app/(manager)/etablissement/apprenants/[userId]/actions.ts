"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { setLearnerActive } from "@/lib/organisations/set-learner-active";

/** Deactivates or reactivates a learner; someone else's learner is not found, and nothing changes. */
export async function setLearnerActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("managerReports.learner"), getActor()]);
  if (!actor) return { message: t("notFound") };
  const userId = String(formData.get("userId") ?? "");
  const { db } = await getDb();
  try {
    await setLearnerActive(db, { actor, userId, isActive: formData.get("isActive") === "true" });
  } catch (error) {
    if (error instanceof AppError) return { message: error.code === "conflict" ? t("sharedAccount") : t("notFound") };
    throw error;
  }
  revalidatePath(`/etablissement/apprenants/${userId}`);

  return { ok: true };
}
