"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { setLearnerActive } from "@/lib/organisations/set-learner-active";

/** Deactivates or reactivates a learner; someone else's learner is simply not found. */
export async function setLearnerActiveAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  const userId = String(formData.get("userId") ?? "");
  const { db } = await getDb();
  await setLearnerActive(db, { actor, userId, isActive: formData.get("isActive") === "true" }).catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
  });
  revalidatePath(`/etablissement/apprenants/${userId}`);
}
