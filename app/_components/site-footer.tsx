import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("shell.footer");

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
