"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { type RosterPreview, importRoster, previewRoster } from "@/lib/enrolment/import-roster";
import { sendEnrolmentNotices, sendInvitations } from "@/lib/enrolment/send-invitations";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/public-origin";

export type ImportState = { preview?: RosterPreview; message?: string; done?: Record<string, number> };

/** Previews or imports a staff list; the same form posts the file for both steps. */
export async function rosterAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const t = await getTranslations("rosterImport");
  const actor = await getActor();
  const file = formData.get("file");
  const organisationId = String(formData.get("organisationId") ?? "");
  if (!actor) return { message: t("notFound") };
  if (!(file instanceof File) || file.size === 0) return { message: t("chooseFile") };
  const bytes = new Uint8Array(await file.arrayBuffer());

  try {
    const { db } = await getDb();
    if (formData.get("intent") !== "import") return { preview: await previewRoster(db, { actor, organisationId, bytes }) };
    const result = await importRoster(db, { actor, organisationId, bytes });
    const baseUrl = publicOrigin();
    await sendInvitations(db, { organisationId, accounts: result.newAccounts, baseUrl });
    await sendEnrolmentNotices(db, { organisationId, accounts: result.addedAccounts, baseUrl });
    revalidatePath("/etablissement/import");

    return { done: result.counts, message: t("imported", { count: result.counts.added ?? 0 }) };
  } catch (error) {
    if (error instanceof AppError) return { message: error.code === "bad_request" ? t("hasErrors") : t("notFound") };
    throw error;
  }
}
