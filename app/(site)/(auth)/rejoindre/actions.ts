"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { getActor } from "@/lib/auth/guards";
import { passwordField } from "@/lib/auth/password-policy";
import { retryMinutes } from "@/lib/auth/sign-in-errors";
import { type FormState, parseForm } from "@/lib/forms";
import { requestOrigin } from "@/lib/http/request-origin";
import { checkJoinCode } from "@/lib/join/check-join-code";
import { formatJoinCode } from "@/lib/join/join-code-format";
import { joinWithCode } from "@/lib/join/join-with-code";
import { personNameField } from "@/lib/people/person-name";
import { usernameField, usernameMessages } from "@/lib/join/username";
import { readerLocale } from "@/lib/i18n/reader-locale";

/** Checks a typed join code (throttled per address) and opens its sign-up page. */
export async function enterJoinCode(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("join");
  const parsed = parseForm(
    z.object({ code: z.string().trim().min(1, t("codeRequired")).max(64, t("invalidCode")) }),
    formData,
    t("fixFields"),
  );
  if (!parsed.success) return parsed.state;
  if (await getActor()) redirect("/rejoindre");

  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  const check = await checkJoinCode(db, { code: parsed.data.code, origin: requestOrigin(requestHeaders) });
  if (check.status === "throttled")
    return {
      message: t("throttled", { minutes: retryMinutes(check.retryAfterSeconds) }),
      typed: { code: parsed.data.code },
    };
  if (check.status === "invalid") return { message: t("invalidCode"), typed: { code: parsed.data.code } };

  redirect(`/rejoindre/${formatJoinCode(check.target.code)}`);
}

async function joinSchema() {
  const [t, tp] = await Promise.all([getTranslations("join"), getTranslations("password")]);

  return z
    .object({
      code: z.string().max(64),
      name: personNameField({
        too_short: t("errors.nameShort"),
        too_long: t("errors.nameLong"),
        no_letter: t("errors.nameNoLetter"),
        invisible: t("errors.nameInvisible"),
      }),
      username: usernameField(usernameMessages(await readerLocale())),
      password: passwordField(tp),
      passwordConfirmation: z.string(),
    })
    .refine((value) => value.password === value.passwordConfirmation, {
      path: ["passwordConfirmation"],
      message: tp("mismatch"),
    });
}

/**
 * Creates the account with the join code, then signs the newcomer in with the username and
 * password they just chose and takes them to their modules.
 */
export async function joinAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("join");
  const parsed = parseForm(await joinSchema(), formData, t("fixFields"));
  if (!parsed.success) return parsed.state;
  if (await getActor()) redirect("/rejoindre");
  const { code, name, username, password } = parsed.data;
  const typed = { name, username };

  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  const result = await joinWithCode(db, { code, name, username, password, origin: requestOrigin(requestHeaders) });
  if (result.status === "throttled")
    return { message: t("throttled", { minutes: retryMinutes(result.retryAfterSeconds) }), typed };
  if (result.status === "invalid_code") return { message: t("invalidCode"), typed };
  if (result.status === "username_taken")
    return { fieldErrors: { username: [t("errors.usernameTaken")] }, message: t("fixFields"), typed };

  try {
    await signIn("credentials", { email: username, password, redirectTo: "/modules" });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean "refused".
    if (error instanceof AuthError) return { message: t("errors.signInFailed") };
    throw error;
  }

  return { ok: true };
}
