"use server";

import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { endMemberSessions } from "@/lib/auth/end-member-sessions";
import { publicOrigin } from "@/lib/http/public-origin";
import { createPasswordLink } from "@/lib/join/create-password-link";

export type PasswordLinkState = { url?: string; message?: string };

/** A single-use link to choose a password, for a learner without e-mail; shown once, to be handed over. */
export async function createPasswordLinkAction(_previous: PasswordLinkState, formData: FormData): Promise<PasswordLinkState> {
  const [t, format, actor] = await Promise.all([getTranslations("joinCodes.passwordLink"), getFormatter(), getActor()]);
  if (!actor) return { message: t("refused") };
  try {
    const { db } = await getDb();
    const baseUrl = publicOrigin();
    const link = await createPasswordLink(db, { actor, organisationId: String(formData.get("organisationId") ?? ""), userId: String(formData.get("userId") ?? ""), baseUrl });

    return { url: link.url, message: t("ready", { date: format.dateTime(link.expiresAt, { dateStyle: "short", timeStyle: "short" }) }) };
  } catch (error) {
    if (error instanceof AppError) return { message: t("refused") };
    throw error;
  }
}

/** "Mettre fin à ses sessions": the member signs in again everywhere; someone else's member is not found. */
export async function endMemberSessionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("managerReports.learner"), getActor()]);
  if (!actor) return { message: t("notFound") };
  const { db } = await getDb();
  try {
    const { ended } = await endMemberSessions(db, { actor, userId: String(formData.get("userId") ?? ""), organisationId: String(formData.get("organisationId") ?? "") });
    return { ok: true, message: t("sessionsEnded", { count: ended }) };
  } catch (error) {
    if (error instanceof AppError) return { message: t("notFound") };
    throw error;
  }
}
