"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { sendMembershipInvitations } from "@/lib/enrolment/send-invitations";
import { AppError } from "@/lib/errors";
import { needsReauthentication, reauthenticationState } from "@/app/_components/reauthentication";
import { type FormState, parseForm } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";
import { createEstablishment, createEstablishmentSchema } from "@/lib/organisations/create-establishment";
import { type NameManagerResult, nameManager, nameManagerSchema } from "@/lib/organisations/name-manager";

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
  let result: NameManagerResult;
  try {
    const { db } = await getDb();
    result = await nameManager(db, { actor, input: parsed.data });
    // An existing account is only invited: it becomes manager once the person accepts.
    if (result.status === "invited") await sendMembershipInvitations(db, { organisationId: result.organisationId, accounts: [{ userId: result.userId, name: parsed.data.name, email: parsed.data.email }], role: "manager", baseUrl: publicOrigin() });
  } catch (error) {
    if (needsReauthentication(error)) return reauthenticationState();
    if (error instanceof AppError) return { message: error.code === "conflict" ? t("deactivated") : t("notFound") };
    throw error;
  }
  revalidatePath("/centre/etablissements");
  const message = { created: "managerNamed", invited: "managerInvited", unchanged: "managerUnchanged" } as const;

  return { ok: true, message: t(message[result.status], { email: parsed.data.email }) };
}
