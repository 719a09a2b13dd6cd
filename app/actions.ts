"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { CURRENT_ESTABLISHMENT_COOKIE, currentEstablishmentValue } from "@/lib/auth/current-establishment";
import { getActor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";
import { isHttpsSite } from "@/lib/http/public-origin";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** Remembers the visitor's language. Anything but a known locale is ignored. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;

  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: isHttpsSite(),
  });
}

/**
 * Makes one of the person's own establishments their current one, for this browser session
 * (no maxAge). Anything else (another establishment, signed out) changes nothing. Goes back to
 * `retour` when the form names one (the choice page), else the page re-renders in place.
 */
export async function chooseEstablishment(formData: FormData): Promise<void> {
  const actor = await getActor();
  const organisationId = formData.get("organisationId");
  if (!actor || !actor.memberships.some((m) => m.kind === "establishment" && m.organisationId === organisationId))
    return;

  (await cookies()).set(
    CURRENT_ESTABLISHMENT_COOKIE,
    currentEstablishmentValue(actor.userId, organisationId as string),
    {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: isHttpsSite(),
    },
  );
  const returnTo = formData.get("retour");
  if (typeof returnTo === "string" && returnTo) redirect(safeReturnPath(returnTo));
}
