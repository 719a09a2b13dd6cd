import Link from "next/link";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";

/** The same for everyone: drawn from the language alone, so that the prerendered shell has it too. */
export function SiteFooter({ locale }: { locale: Locale }) {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "shell.footer" });

  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t("about")}</p>
        <nav aria-label={t("nav")}>
          <ul>
            <li>
              <Link href="/signaler-un-incident">{t("incident")}</Link>
            </li>
            <li>
              <a href="/api/health">{t("health")}</a>
            </li>
            <li>{t("source")}</li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
