import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "./_components/demo-banner";
import { LightClientMessages } from "./_components/light-client-messages";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");

  return { title: { default: t("title"), template: `%s — Vigie` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f6c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
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
          <SiteFooter />
        </LightClientMessages>
      </body>
    </html>
  );
}
