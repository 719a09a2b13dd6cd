import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "./_components/demo-banner";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");

  return { title: { default: t("title"), template: `%s — Vigie` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f6c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("shell"), getMessages()]);
  // Only the root error page's messages: each part of the site adds the namespaces its client
  // components translate (ClientMessages), since they are serialized into every page's HTML.
  const clientMessages = { errors: { error: (messages.errors as Record<string, unknown>).error } };

  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#contenu">
          {t("skipLink")}
        </a>
        <DemoBanner />
        <NextIntlClientProvider messages={clientMessages}>
          <SiteHeader />
          <main id="contenu" tabIndex={-1} className="site-main">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
