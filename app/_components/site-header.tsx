import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("shell");

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">V</span>
          <span className="brand__text">
            <span className="brand__name">Vigie</span>
            <span className="brand__tagline">{t("tagline")}</span>
          </span>
        </Link>
        <nav aria-label={t("mainNav")} className="site-nav">
          <ul>
            <li>
              <Link href="/">{t("nav.home")}</Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
