"use server";

import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/public-origin";
import { createPasswordLink } from "@/lib/join/create-password-link";

export type PasswordLinkState = { url?: string; message?: string };

/** A single-use link to choose a password, for a learner without e-mail; shown once, to be handed over. */
export async function createPasswordLinkAction(_previous: PasswordLinkState, formData: FormData): Promise<PasswordLinkState> {
  const [t, format, actor] = await Promise.all([getTranslations("joinCodes.passwordLink"), getFormatter(), getActor()]);
  if (!actor) return { message: t("refused") };
  try {
    const { db } = await getDb();
    const baseUrl = publicOrigin(await headers());
    const link = await createPasswordLink(db, { actor, organisationId: String(formData.get("organisationId") ?? ""), userId: String(formData.get("userId") ?? ""), baseUrl });

    return { url: link.url, message: t("ready", { date: format.dateTime(link.expiresAt, { dateStyle: "short", timeStyle: "short" }) }) };
  } catch (error) {
    if (error instanceof AppError) return { message: t("refused") };
    throw error;
  }
}
