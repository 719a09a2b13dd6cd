"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { createTeam, deleteTeam, teamNameSchemaFor } from "@/lib/organisations/manage-teams";

export async function createTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, locale] = await Promise.all([getTranslations("teams"), readerLocale()]);
  const name = teamNameSchemaFor(locale);
  const parsed = parseForm(z.object({ organisationId: z.string(), name }), formData, t("fixFields"));
  if (!parsed.success) return parsed.state;
  const actor = await getActor();
  if (!actor) return { message: t("notFound") };
  try {
    const { db } = await getDb();
    await createTeam(db, { actor, ...parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { message: error.code === "conflict" ? t("exists") : t("notFound") };
    throw error;
  }
  revalidatePath("/etablissement/equipes");

  return { ok: true, message: t("created", { name: parsed.data.name }) };
}

/** Removes a team; a team of another establishment is not found, and nothing is removed. */
export async function deleteTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("teams"), getActor()]);
  if (!actor) return { message: t("teamNotFound") };
  try {
    const { db } = await getDb();
    await deleteTeam(db, {
      actor,
      organisationId: String(formData.get("organisationId") ?? ""),
      teamId: String(formData.get("teamId") ?? ""),
    });
  } catch (error) {
    if (error instanceof AppError) return { message: t("teamNotFound") };
    throw error;
  }
  revalidatePath("/etablissement/equipes");

  return { ok: true };
}
