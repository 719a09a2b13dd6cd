import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { reauthenticationPath } from "@/lib/access/recent-auth";
import { AppError } from "@/lib/errors";
import { type FormState, safeReturnPath } from "@/lib/forms";
import { publicOrigin } from "@/lib/http/public-origin";

/** Whether an action was refused for want of a recent proof of identity. */
export function needsReauthentication(error: unknown): boolean {
  return error instanceof AppError && error.code === "reauthentication_required";
}

/**
 * What a sensitive action answers then: the reason, and a link to confirm one's identity that
 * comes back to the page the form is on (the Referer of the action's request; only its path is kept).
 */
export async function reauthenticationState(): Promise<FormState> {
  const [t, requestHeaders] = await Promise.all([getTranslations("secondFactor.reauth"), headers()]);

  return {
    message: t("needed"),
    reauthenticate: { path: reauthenticationPath(refererPath(requestHeaders.get("referer"))), label: t("link") },
  };
}

function refererPath(referer: string | null): string {
  if (!referer || !URL.canParse(referer)) return "/mon-compte";
  const url = new URL(referer);

  return safeReturnPath(url.pathname + url.search, "/mon-compte");
}

/**
 * For a download refused for want of a recent proof of identity (a GET from a link): the
 * confirmation page, which comes back to `returnTo`, the page the link is on.
 */
export function reauthenticationRedirect(returnTo: string): Response {
  return NextResponse.redirect(new URL(reauthenticationPath(returnTo), publicOrigin()), 303);
}
