"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { type FormState, parseForm, safeReturnPath } from "@/lib/forms";

/** Signs in with e-mail and password; on failure says so without telling which part was wrong. */
export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("signIn");
  const schema = z.object({
    email: z.string().trim().min(1, t("errors.emailRequired")).email(t("errors.emailInvalid")).max(320),
    password: z.string().min(1, t("errors.passwordRequired")).max(1024),
    retour: z.string().optional(),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(parsed.data.retour),
    });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean "refused".
    if (error instanceof AuthError) return { message: t("errors.invalidCredentials") };
    throw error;
  }

  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
