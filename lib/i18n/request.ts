import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, defaultLocale, isLocale } from "./locales";
import { messages } from "./messages";

// French first: the URL carries no locale; English is chosen explicitly and kept in a cookie.
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : defaultLocale;

  return {
    locale,
    messages: messages[locale],
    timeZone: "Europe/Paris",
  };
});
