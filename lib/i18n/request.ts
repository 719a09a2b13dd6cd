import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, defaultLocale, isLocale } from "./locales";
import { messages } from "./messages";

// next-intl keeps the messages it has compiled (an ICU message with arguments, parsed, with its
// number and plural formats) for one request only, so every page compiled them again. This cache
// lives as long as the process: next-intl passes the configuration's `_cache` (use-intl's own,
// undocumented) on to its translators. Its keys are the texts of lib/i18n/messages, so it stays
// small; only `message` is read, the other formats being made per request by next-intl.
const compiledMessages = {
  dateTime: {},
  number: {},
  message: {},
  relativeTime: {},
  pluralRules: {},
  list: {},
  displayNames: {},
};

// French first: the URL carries no locale; English is chosen explicitly and kept in a cookie.
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : defaultLocale;

  return {
    locale,
    messages: messages[locale],
    timeZone: "Europe/Paris",
    _cache: compiledMessages,
  };
});
