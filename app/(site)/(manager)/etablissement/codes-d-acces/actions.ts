"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { formatJoinCode } from "@/lib/join/join-code-format";
import { createJoinCode, setJoinCodeActive } from "@/lib/join/manage-join-codes";

const PATH = "/etablissement/codes-d-acces";

/** Creates a join code for the establishment, or for the team chosen. */
export async function createJoinCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("joinCodes");
  const actor = await getActor();
  if (!actor) return { message: t("notFound") };
  try {
    const { db } = await getDb();
    const created = await createJoinCode(db, {
      actor,
      organisationId: String(formData.get("organisationId") ?? ""),
      teamId: String(formData.get("teamId") ?? "") || null,
    });
    revalidatePath(PATH);

    return { ok: true, message: t("created", { code: formatJoinCode(created.code) }) };
  } catch (error) {
    if (error instanceof AppError) return { message: t("notFound") };
    throw error;
  }
}

/** A plain form action: turns a code off or back on; a code of another establishment is simply not found. */
export async function setJoinCodeActiveAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  const { db } = await getDb();
  const options = {
    actor,
    organisationId: String(formData.get("organisationId") ?? ""),
    joinCodeId: String(formData.get("joinCodeId") ?? ""),
    isActive: formData.get("isActive") === "true",
  };
  await setJoinCodeActive(db, options).catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
  });
  revalidatePath(PATH);
}
