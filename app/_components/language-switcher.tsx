import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "../actions";

/** A plain form, so that switching language works before (and without) JavaScript. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("shell.language")]);
  const other = locale === "fr" ? "en" : "fr";

  return (
    <form action={setLocale} className="language-switcher">
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} aria-label={t("switchToLabel")} className="button button--quiet">
        {t("switchTo")}
      </button>
    </form>
  );
}
