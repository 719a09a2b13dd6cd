"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { endUserSessions } from "@/lib/auth/end-sessions";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { unlinkSsoIdentity } from "@/lib/sso/unlink-sso-identity";
import { type SsoLinkOutcome, ACCOUNT_PAGE, accountPagePath } from "@/lib/sso/sso-urls";
import { headers } from "next/headers";
import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/forms";
import { renameFormState, renameTexts } from "@/lib/people/rename-form-state";
import { renamePerson } from "@/lib/people/rename-person";

/** "Se déconnecter de tous les appareils": ends every session of the signed-in person, this one too. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
    const ended = await endUserSessions(db, { userId: actor.userId });
    await recordAudit(db, {
      action: "sessions.ended",
      actorUserId: actor.userId,
      origin: requestOrigin(requestHeaders),
      targetType: "user",
      targetId: actor.userId,
      details: { scope: "all_devices", ended },
    });
  }
  await signOut({ redirectTo: "/connexion" });
}

/**
 * "Délier …": the signed-in person removes one provider's identities from their own account
 * (lib/sso/unlink-sso-identity.ts says when it is refused). The page says what happened.
 */
export async function unlinkSsoIdentityAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?retour=${encodeURIComponent(ACCOUNT_PAGE)}`);
  const issuer = formData.get("issuer");
  let outcome: SsoLinkOutcome;
  if (formData.get("confirm") !== "on") outcome = "confirmer";
  else {
    const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
    try {
      const result = await unlinkSsoIdentity(db, {
        actor,
        issuer: typeof issuer === "string" ? issuer : "",
        origin: requestOrigin(requestHeaders),
      });
      outcome = result.ok ? "delie" : "seul-acces";
    } catch (error) {
      // Someone else's identity, or none: nothing to unlink, the page shows what is linked.
      if (!(error instanceof AppError && error.code === "not_found")) throw error;
      outcome = "indisponible";
    }
  }
  redirect(accountPagePath(outcome));
}

/** "Corriger le nom": the signed-in person corrects their own name (not one an identity provider sends). */
export async function renameSelfAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("account.rename"), getActor()]);
  if (!actor) return { message: t("refused") };
  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  const state = await renameFormState(formData, renameTexts(t), (name) =>
    renamePerson(db, { actor, userId: actor.userId, name, origin: requestOrigin(requestHeaders) }),
  );
  // The header shows the name: the browser asks again for the page it is on. Not
  // revalidatePath("/", "layout"), whose tag every module shell carries: a shell rendered again
  // at request time no longer matches the script hashes its policy names (docs/prerendered-module-shell.md).
  if (state.ok) refresh();

  return state;
}
