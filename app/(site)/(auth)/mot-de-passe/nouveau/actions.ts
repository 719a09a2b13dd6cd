"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { resetPassword } from "@/lib/auth/password-reset";
import { passwordField } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { requestOrigin } from "@/lib/http/request-origin";

/** Sets the new password with the link's token, then sends the user to sign in with it. */
export async function chooseNewPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, tp] = await Promise.all([getTranslations("signIn"), getTranslations("password")]);
  const schema = z
    .object({
      jeton: z.string().min(1).max(200),
      password: passwordField(tp),
      confirmation: z.string(),
    })
    .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: tp("mismatch") });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  const [requestHeaders, { db }] = await Promise.all([headers(), getDb()]);
  try {
    await resetPassword(db, {
      token: parsed.data.jeton,
      password: parsed.data.password,
      origin: requestOrigin(requestHeaders),
    });
  } catch (error) {
    if (error instanceof AppError) return { message: t("reset.invalidLink") };
    throw error;
  }

  redirect("/mot-de-passe/nouveau?fait=1");
}
