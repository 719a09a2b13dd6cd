import type { Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { DemoBanner } from "./demo-banner";
import { LightClientMessages } from "./light-client-messages";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Every root layout's viewport (the site's, the shell's, the global 404's). */
export const siteViewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f6c" };

/**
 * The document of every page rendered per request: the site's root layout, and the 404 of an
 * address that matches nothing (app/global-not-found.tsx), which has no layout around it.
 */
export async function SiteDocument({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("shell")]);

  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#contenu">
          {t("skipLink")}
        </a>
        <DemoBanner />
        {/* Only the root error page's messages, for its light translator (no next-intl client
            runtime on pages that need none): each part of the site adds the namespaces its client
            components translate (ClientMessages), since they are serialized into every page's HTML. */}
        <LightClientMessages paths={["errors.error"]}>
          <SiteHeader />
          <main id="contenu" tabIndex={-1} className="site-main">
            {children}
          </main>
          <SiteFooter locale={locale as Locale} />
        </LightClientMessages>
      </body>
    </html>
  );
}
