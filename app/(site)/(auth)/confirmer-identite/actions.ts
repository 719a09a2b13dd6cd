"use server";

import { signOut } from "@/lib/auth";
import { safeReturnPath } from "@/lib/forms";

/** For someone with neither password nor second factor: a new sign-in (link or SSO) is their proof, then back. */
export async function signInAgainAction(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get("retour"), "/mon-compte");
  await signOut({ redirectTo: `/connexion?retour=${encodeURIComponent(returnTo)}` });
}
