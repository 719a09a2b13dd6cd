"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { MAX_SELECTED, remindLearners } from "@/lib/reminders/remind-learners";

/** Sends a reminder to the ticked learners, or to every late learner, and says how many went. */
export async function remindLearnersAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("reminders.remind");
  const actor = await getActor();
  const organisationId = z.guid().safeParse(formData.get("organisationId"));
  if (!actor || !organisationId.success) return { message: t("errors.notFound") };
  const scope = formData.get("scope") === "late" ? "late" : "selected";
  const userIds = formData
    .getAll("userId")
    .filter((id): id is string => typeof id === "string" && z.guid().safeParse(id).success);
  if (scope === "selected" && userIds.length === 0) return { message: t("noneSelected") };
  if (userIds.length > MAX_SELECTED) return { message: t("errors.tooMany") };

  try {
    const { db } = await getDb();
    const result = await remindLearners(db, {
      actor,
      organisationId: organisationId.data,
      target: scope === "late" ? "late" : { userIds },
      catalogue: getCatalogue(),
      asOf: new Date(),
    });
    revalidatePath("/etablissement/apprenants");
    revalidatePath("/etablissement/relances");
    const notSent = result.recent + result.done + result.unreachable;

    return {
      ok: true,
      message: t("result", {
        sent: result.sent,
        notSent,
        days: result.intervalDays,
        recent: result.recent,
        done: result.done,
        unreachable: result.unreachable,
      }),
    };
  } catch (error) {
    if (error instanceof AppError) return { message: t("errors.notFound") };
    throw error;
  }
}
