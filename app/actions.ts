"use server";

import { cookies } from "next/headers";
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
