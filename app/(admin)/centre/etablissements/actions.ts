"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { createEstablishment, createEstablishmentSchema } from "@/lib/organisations/create-establishment";
import { nameManager, nameManagerSchema } from "@/lib/organisations/name-manager";

export async function createEstablishmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("organisationsAdmin");
  const actor = await getActor();
  const parsed = parseForm(createEstablishmentSchema, formData, t("fixFields"));
  if (!parsed.success) return parsed.state;
  if (!actor) return { message: t("notFound") };
  try {
    const { db } = await getDb();
    await createEstablishment(db, { actor, input: parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { message: t("notFound") };
    throw error;
  }
  revalidatePath("/centre/etablissements");

  return { ok: true, message: t("created", { name: parsed.data.name }) };
}

export async function nameManagerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("organisationsAdmin");
  const actor = await getActor();
  const parsed = parseForm(nameManagerSchema, formData, t("fixFields"));
  if (!parsed.success) return parsed.state;
  if (!actor) return { message: t("notFound") };
  try {
    const { db } = await getDb();
    await nameManager(db, { actor, input: parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { message: error.code === "conflict" ? t("deactivated") : t("notFound") };
    throw error;
  }
  revalidatePath("/centre/etablissements");

  return { ok: true, message: t("managerNamed", { email: parsed.data.email }) };
}
