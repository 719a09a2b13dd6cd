import { requestCookie } from "@/lib/http/request-cookie";
import { LOCALE_COOKIE, type Locale, defaultLocale, isLocale } from "./locales";

/**
 * The language of a request's reader as pages choose it (lib/i18n/request.ts): the locale
 * cookie, French when it is absent or names no language of Vigie's. For route handlers.
 */
export function requesterLocale(request: Pick<Request, "headers">): Locale {
  const requested = requestCookie(request.headers, LOCALE_COOKIE);

  return isLocale(requested) ? requested : defaultLocale;
}
