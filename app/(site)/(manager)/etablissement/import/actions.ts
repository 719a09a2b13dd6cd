"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { type RosterPreview, importRoster, previewRoster } from "@/lib/enrolment/import-roster";
import { sendInvitations, sendMembershipInvitations } from "@/lib/enrolment/send-invitations";
import { AppError } from "@/lib/errors";
import { cancelInvitation } from "@/lib/invitations/cancel-invitation";
import { publicOrigin } from "@/lib/http/public-origin";
import { readerLocale } from "@/lib/i18n/reader-locale";

export type ImportState = { preview?: RosterPreview; message?: string; done?: Record<string, number> };

/** Previews or imports a staff list; the same form posts the file for both steps. */
export async function rosterAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const [t, locale, actor] = await Promise.all([getTranslations("rosterImport"), readerLocale(), getActor()]);
  const file = formData.get("file");
  const organisationId = String(formData.get("organisationId") ?? "");
  if (!actor) return { message: t("notFound") };
  if (!(file instanceof File) || file.size === 0) return { message: t("chooseFile") };
  const bytes = new Uint8Array(await file.arrayBuffer());

  try {
    const { db } = await getDb();
    if (formData.get("intent") !== "import")
      return { preview: await previewRoster(db, { actor, organisationId, bytes, locale }) };
    const result = await importRoster(db, { actor, organisationId, bytes });
    const baseUrl = publicOrigin();
    await sendInvitations(db, { organisationId, accounts: result.newAccounts, baseUrl });
    await sendMembershipInvitations(db, { organisationId, accounts: result.invitedAccounts, baseUrl });
    revalidatePath("/etablissement/import");
    const invited = result.counts.invited ? ` ${t("invitedCount", { count: result.counts.invited })}` : "";

    return { done: result.counts, message: `${t("imported", { count: result.counts.added ?? 0 })}${invited}` };
  } catch (error) {
    if (error instanceof AppError) return { message: error.code === "bad_request" ? t("hasErrors") : t("notFound") };
    throw error;
  }
}

/** Cancels one of the establishment's unanswered invitations, then shows the page again with the outcome. */
export async function cancelInvitationAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  const page = (outcome: string) =>
    `/etablissement/import?etablissement=${encodeURIComponent(String(formData.get("organisationId") ?? ""))}&invitation=${outcome}`;
  if (!actor) redirect("/connexion?retour=%2Fetablissement%2Fimport");
  try {
    const { db } = await getDb();
    await cancelInvitation(db, { actor, invitationId: String(formData.get("invitationId") ?? "") });
  } catch (error) {
    if (error instanceof AppError) redirect(page("introuvable"));
    throw error;
  }
  revalidatePath("/etablissement/import");
  redirect(page("annulee"));
}
