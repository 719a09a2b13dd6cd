"use server";

import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { endMemberSessions } from "@/lib/auth/end-member-sessions";
import { publicOrigin } from "@/lib/http/public-origin";
import { createPasswordLink } from "@/lib/join/create-password-link";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requestOrigin } from "@/lib/http/request-origin";
import { renameFormState, renameTexts } from "@/lib/people/rename-form-state";
import { renamePerson } from "@/lib/people/rename-person";
import { removePersonalAssignment } from "@/lib/assignments/remove-personal-assignment";

export type PasswordLinkState = { url?: string; message?: string };

/** A single-use link to choose a password, for a learner without e-mail; shown once, to be handed over. */
export async function createPasswordLinkAction(
  _previous: PasswordLinkState,
  formData: FormData,
): Promise<PasswordLinkState> {
  const [t, format, actor] = await Promise.all([getTranslations("joinCodes.passwordLink"), getFormatter(), getActor()]);
  if (!actor) return { message: t("refused") };
  try {
    const { db } = await getDb();
    const baseUrl = publicOrigin();
    const link = await createPasswordLink(db, {
      actor,
      organisationId: String(formData.get("organisationId") ?? ""),
      userId: String(formData.get("userId") ?? ""),
      baseUrl,
    });

    return {
      url: link.url,
      message: t("ready", { date: format.dateTime(link.expiresAt, { dateStyle: "short", timeStyle: "short" }) }),
    };
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
    const { ended } = await endMemberSessions(db, {
      actor,
      userId: String(formData.get("userId") ?? ""),
      organisationId: String(formData.get("organisationId") ?? ""),
    });
    return { ok: true, message: t("sessionsEnded", { count: ended }) };
  } catch (error) {
    if (error instanceof AppError) return { message: t("notFound") };
    throw error;
  }
}

/** "Corriger le nom" of a member: only of an establishment the manager manages; someone else's member is refused. */
export async function renameMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("account.rename"), getActor()]);
  if (!actor) return { message: t("refused") };
  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  const userId = String(formData.get("userId") ?? "");
  const organisationId = String(formData.get("organisationId") ?? "");
  const state = await renameFormState(formData, renameTexts(t), (name) =>
    renamePerson(db, { actor, userId, organisationId, name, origin: requestOrigin(requestHeaders) }),
  );
  if (state.ok) revalidatePath(`/etablissement/apprenants/${userId}`);

  return state;
}

/**
 * « Retirer » on one person's own assignment (the phishing module after a click): only for an
 * establishment the manager manages. The page is not revalidated: the form says it is done in
 * place of the assignment, which the next visit no longer lists.
 */
export async function removePersonalAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("managerReports.learner"), getActor()]);
  if (!actor) return { message: t("assignmentNotFound") };
  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  try {
    await removePersonalAssignment(db, {
      actor,
      organisationId: String(formData.get("organisationId") ?? ""),
      assignmentId: String(formData.get("assignmentId") ?? ""),
      origin: requestOrigin(requestHeaders),
    });
  } catch (error) {
    if (error instanceof AppError) return { message: t("assignmentNotFound") };
    throw error;
  }

  return { ok: true, message: t("assignmentRemoved") };
}
