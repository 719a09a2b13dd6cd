"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import {
  CURRENT_ESTABLISHMENT_COOKIE,
  currentEstablishment,
  currentEstablishmentValue,
} from "@/lib/auth/current-establishment";
import { getActor } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { respondToInvitation } from "@/lib/invitations/respond-to-invitation";

/**
 * Accepts or declines one of the signed-in person's own invitations. Accepting keeps them in
 * the establishment they were working in (it becomes their explicit choice): joining another
 * one never moves their progress or their incident contact until they switch.
 */
export async function respondToInvitationAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/connexion?retour=%2Finvitations");
  const answer = formData.get("answer") === "accept" ? "accept" : "decline";
  const store = await cookies();
  const before = currentEstablishment(actor, store.get(CURRENT_ESTABLISHMENT_COOKIE)?.value);

  try {
    const { db } = await getDb();
    await respondToInvitation(db, { actor, invitationId: String(formData.get("invitationId") ?? ""), answer });
  } catch (error) {
    if (error instanceof AppError) redirect("/invitations?reponse=invalide");
    throw error;
  }
  if (answer === "accept" && before.status === "chosen") {
    const secure = env().APP_URL?.startsWith("https:") ?? false;
    store.set(CURRENT_ESTABLISHMENT_COOKIE, currentEstablishmentValue(actor.userId, before.membership.organisationId), {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure,
    });
  }
  redirect(`/invitations?reponse=${answer === "accept" ? "acceptee" : "refusee"}`);
}
