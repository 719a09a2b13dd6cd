import { createTranslator } from "next-intl";
import { type Locale, defaultLocale } from "./locales";
import en from "./messages/en/validation.json";
import fr from "./messages/fr/validation.json";

/**
 * The sentences lib/ gives back to forms (validation messages, refusals), one file per language
 * like the interface's. Kept apart from `messages`: lib/ returns them already written, so their
 * French stays exactly what it was, without the typography pass (a change of its own, to decide).
 */
export const validationCatalogues = { fr, en } satisfies Record<Locale, typeof fr>;

/** The translator of those sentences, in the reader's language; French when the caller gives none. */
export function validationMessages(locale: Locale = defaultLocale) {
  return createTranslator({ locale, messages: validationCatalogues[locale] });
}
