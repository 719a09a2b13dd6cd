"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { afterResponse } from "@/lib/auth/after-response";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { retryMinutes } from "@/lib/auth/sign-in-errors";
import { type FormState, parseForm } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";
import { requestOrigin } from "@/lib/http/request-origin";

/** Mails a reset link when the account exists; answers the same either way (past a few, "already sent"). */
export async function requestReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("signIn");
  const schema = z.object({
    email: z.string().trim().min(1, t("errors.emailRequired")).email(t("errors.emailInvalid")).max(320),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  const [requestHeaders, { db }] = await Promise.all([headers(), getDb()]);
  const result = await requestPasswordReset(db, {
    email: parsed.data.email,
    baseUrl: publicOrigin(),
    origin: requestOrigin(requestHeaders),
    defer: afterResponse,
  });
  if (result.status === "throttled") {
    const minutes = retryMinutes(result.retryAfterSeconds);
    return {
      message: t(result.reason === "account" ? "errors.linkAlreadySent" : "errors.linksThrottled", { minutes }),
      typed: { email: parsed.data.email },
    };
  }

  return { ok: true, message: t("reset.requestSent") };
}
