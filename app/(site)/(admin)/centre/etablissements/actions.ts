"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { sendMembershipInvitations } from "@/lib/enrolment/send-invitations";
import { AppError } from "@/lib/errors";
import { reauthenticationPath } from "@/lib/access/recent-auth";
import { requestOrigin } from "@/lib/http/request-origin";
import { setManagersNeedSecondFactor } from "@/lib/organisations/set-managers-need-second-factor";
import { needsReauthentication, reauthenticationState } from "@/app/_components/reauthentication";
import { type FormState, parseForm } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { createEstablishment, createEstablishmentSchemaFor } from "@/lib/organisations/create-establishment";
import { type NameManagerResult, nameManager, nameManagerSchemaFor } from "@/lib/organisations/name-manager";

export async function createEstablishmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, locale, actor] = await Promise.all([getTranslations("organisationsAdmin"), readerLocale(), getActor()]);
  const parsed = parseForm(createEstablishmentSchemaFor(locale), formData, t("fixFields"));
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
  const [t, locale, actor] = await Promise.all([getTranslations("organisationsAdmin"), readerLocale(), getActor()]);
  const parsed = parseForm(nameManagerSchemaFor(locale), formData, t("fixFields"));
  if (!parsed.success) return parsed.state;
  if (!actor) return { message: t("notFound") };
  let result: NameManagerResult;
  try {
    const { db } = await getDb();
    result = await nameManager(db, { actor, input: parsed.data });
    // An existing account is only invited: it becomes manager once the person accepts.
    if (result.status === "invited")
      await sendMembershipInvitations(db, {
        organisationId: result.organisationId,
        accounts: [{ userId: result.userId, name: parsed.data.name, email: parsed.data.email }],
        role: "manager",
        baseUrl: publicOrigin(),
      });
  } catch (error) {
    if (needsReauthentication(error)) return reauthenticationState();
    if (error instanceof AppError) return { message: error.code === "conflict" ? t("deactivated") : t("notFound") };
    throw error;
  }
  revalidatePath("/centre/etablissements");
  const message = { created: "managerNamed", invited: "managerInvited", unchanged: "managerUnchanged" } as const;

  return { ok: true, message: t(message[result.status], { email: parsed.data.email }) };
}

/**
 * Turns the second factor requirement of an establishment's managers on or off (platform admins
 * only, lib/organisations/set-managers-need-second-factor.ts); without a recent proof of
 * identity, to the confirmation page first, which comes back here.
 */
export async function setSecondFactorRequirementAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  const organisationId = formData.get("organisationId");
  if (!actor || typeof organisationId !== "string") return;
  try {
    const { db } = await getDb();
    await setManagersNeedSecondFactor(db, {
      actor,
      organisationId,
      required: formData.get("required") === "true",
      origin: requestOrigin(await headers()),
    });
  } catch (error) {
    if (needsReauthentication(error)) redirect(reauthenticationPath("/centre/etablissements"));
    if (error instanceof AppError) return;
    throw error;
  }
  revalidatePath("/centre/etablissements");
}
