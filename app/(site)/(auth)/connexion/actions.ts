"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { HOME_PATH } from "@/lib/access/home";
import { ThrottledSignIn, signIn, signOut } from "@/lib/auth";
import { retryMinutes } from "@/lib/auth/sign-in-errors";
import { signInLanding } from "@/lib/auth/sign-in-landing";
import { type FormState, parseForm, safeReturnPath } from "@/lib/forms";

async function emailField() {
  const t = await getTranslations("signIn");

  return z.string().trim().min(1, t("errors.emailRequired")).email(t("errors.emailInvalid")).max(320);
}

/** An e-mail address, or the username of someone without one (no "@"). */
async function identifierField() {
  const t = await getTranslations("signIn");
  const email = await emailField();

  return z
    .string()
    .trim()
    .min(1, t("errors.identifierRequired"))
    .max(320)
    .superRefine((value, ctx) => {
      if (value.includes("@") && !email.safeParse(value).success)
        ctx.addIssue({ code: "custom", message: t("errors.emailInvalid") });
    });
}

/** Signs in with an e-mail or username and a password; on failure says so without telling which part was wrong. */
export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("signIn");
  const schema = z.object({
    email: await identifierField(),
    password: z.string().min(1, t("errors.passwordRequired")).max(1024),
    retour: z.string().optional(),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  const returnTo = parsed.data.retour ? safeReturnPath(parsed.data.retour) : undefined;
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: returnTo ?? HOME_PATH,
      redirect: false,
    });
  } catch (error) {
    // Only Auth.js's own errors mean "refused".
    if (error instanceof ThrottledSignIn)
      return { message: t("errors.throttled", { minutes: retryMinutes(error.retryAfterSeconds) }) };
    if (error instanceof AuthError) return { message: t("errors.invalidCredentials") };
    throw error;
  }
  // Straight to the last page of the way (home or the page asked for, after the second factor):
  // an action's redirect to an address that redirects again is not followed as a browser would.
  const { db } = await getDb();
  redirect(await signInLanding(db, { identifier: parsed.data.email, returnTo }));
}

/** Asks Auth.js for a sign-in link; the answer is the same whether or not the account exists. */
export async function requestSignInLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("signIn");
  const schema = z.object({ email: await emailField(), retour: z.string().optional() });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  let landing: string;
  try {
    // Who signs in is known when the link is opened: without a page to return to, /accueil decides.
    landing = await signIn("nodemailer", {
      email: parsed.data.email,
      redirectTo: parsed.data.retour ? safeReturnPath(parsed.data.retour) : HOME_PATH,
      redirect: false,
    });
  } catch (error) {
    if (error instanceof AuthError) return { message: t("errors.generic") };
    throw error;
  }
  const query = new URL(landing, "http://localhost").searchParams;
  const minutes = Number(query.get("minutes"));
  if (minutes > 0)
    return {
      message: t(query.get("error") === "lien-deja-envoye" ? "errors.linkAlreadySent" : "errors.linksThrottled", {
        minutes,
      }),
    };

  return { ok: true, message: t("magicLink.sent") };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
