import { getLocale } from "next-intl/server";
import { type Locale, defaultLocale, isLocale } from "./locales";

/** The language the interface speaks to this request's reader, for texts that lib/ writes (server side only). */
export async function readerLocale(): Promise<Locale> {
  const locale = await getLocale();

  return isLocale(locale) ? locale : defaultLocale;
}
