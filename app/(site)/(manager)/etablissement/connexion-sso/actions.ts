"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { needsReauthentication, reauthenticationState } from "@/app/_components/reauthentication";
import { type FormState, typedValues } from "@/lib/forms";
import { requestOrigin } from "@/lib/http/request-origin";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { removeSsoSettings } from "@/lib/sso/remove-sso-settings";
import { saveSsoSettings } from "@/lib/sso/save-sso-settings";
import { testSsoDiscovery } from "@/lib/sso/test-sso-discovery";

const PAGE = "/etablissement/connexion-sso";
const text = z.string().default("");
// Only the form's shape here; what valid settings are is the domain's rule (sso-settings-schema.ts).
const formSchema = z.object({
  organisationId: text,
  displayName: text,
  issuer: text,
  clientId: text,
  clientSecret: text,
  discoveryPath: text,
  scopes: text,
  acrValues: text,
  isEnabled: z.string().optional(),
  isProSanteConnect: z.string().optional(),
  accountCreation: text,
  allowedEmailDomains: text,
  structureIds: text,
});

async function appErrorState(error: unknown): Promise<FormState> {
  if (needsReauthentication(error)) return reauthenticationState();
  if (error instanceof AppError) return { message: error.userMessage(await readerLocale()) };
  throw error;
}

/** Creates or changes the SSO settings of an establishment the signed-in user manages. */
export async function saveSso(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("sso.settings"), getActor()]);
  if (!actor) return { message: t("signedOut") };
  const { organisationId, isEnabled, isProSanteConnect, accountCreation, ...input } = formSchema.parse(
    Object.fromEntries(formData),
  );
  const { db } = await getDb();

  try {
    const result = await saveSsoSettings(db, {
      actor,
      organisationId,
      input: {
        ...input,
        isEnabled: isEnabled === "on",
        isProSanteConnect: isProSanteConnect === "on",
        accountCreation: (accountCreation || "none") as "none",
      },
      origin: requestOrigin(await headers()),
      locale: await readerLocale(),
    });
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: t("fixFields"), typed: typedValues(formData) };
    revalidatePath(PAGE);

    return { ok: true, message: t("saved") };
  } catch (error) {
    return appErrorState(error);
  }
}

/** Deletes the SSO settings, once the manager ticked the confirmation box. */
export async function removeSso(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("sso.settings"), getActor()]);
  if (!actor) return { message: t("signedOut") };
  if (formData.get("confirm") !== "on")
    return { fieldErrors: { confirm: [t("removeNeedsConfirm")] }, message: t("removeNeedsConfirm") };
  const { db } = await getDb();

  try {
    await removeSsoSettings(db, {
      actor,
      organisationId: String(formData.get("organisationId") ?? ""),
      origin: requestOrigin(await headers()),
    });
    revalidatePath(PAGE);

    return { ok: true, message: t("removed") };
  } catch (error) {
    return appErrorState(error);
  }
}

/** Fetches the saved provider's discovery document and says, in the reader's language, what is wrong. */
export async function testDiscovery(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("sso.settings"), getActor()]);
  if (!actor) return { message: t("signedOut") };
  const { db } = await getDb();

  try {
    const report = await testSsoDiscovery(db, {
      actor,
      organisationId: String(formData.get("organisationId") ?? ""),
      locale: await readerLocale(),
    });
    if (report.status === "none") return { message: t("testNone") };
    if (report.status === "failed") return { message: t("testFailed", { problem: report.problem }) };

    return { ok: true, message: t("testOk", { ...report, userinfo: report.userinfo ?? t("noUserinfo") }) };
  } catch (error) {
    return appErrorState(error);
  }
}
