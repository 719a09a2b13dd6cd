import type { Metadata, Viewport } from "next";
import { createTranslator } from "next-intl";
import type { ReactNode } from "react";
import { LightMessagesProvider, type Messages } from "@/app/_components/light-messages";
import { SiteFooter } from "@/app/_components/site-footer";
import { siteViewport } from "@/app/_components/site-document";
import { type Locale, locales } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { ShellDemoBanner, ShellHeader, ShellSession } from "./_components/shell-session";
import "../../../globals.css";

type Props = { params: Promise<{ langue: string }> };

// One shell per language, built with the site (docs/prerendered-module-shell.md): the proxy
// rewrites /modules/<id> here from the language cookie; nothing else is served.
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((langue) => ({ langue }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).langue as Locale;
  const t = createTranslator({ locale, messages: messages[locale], namespace: "meta" });

  return { title: { default: t("title"), template: `%s — Vigie` }, description: t("description") };
}

export const viewport: Viewport = siteViewport;

// The texts the shell's client components translate: the player, the header drawn once the state
// arrives, the demo banner and the managers' SCORM link, the error page.
const CLIENT_MESSAGES = [
  "errors.error",
  "player",
  "shell",
  "memberships.invitations",
  "memberships.switcher",
  "scormPlayer",
];

/**
 * The root layout of the prerendered module pages: the site's document, with nothing of a person
 * in it. The header's account part, the demo banner and the SCORM link are drawn in the browser
 * from the state route's answer (ShellSession); the rest is the same for everyone.
 */
export default async function ShellLayout({ children, params }: Props & { children: ReactNode }) {
  const locale = (await params).langue as Locale;
  const t = createTranslator({ locale, messages: messages[locale], namespace: "shell" });

  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#contenu">
          {t("skipLink")}
        </a>
        <LightMessagesProvider locale={locale} messages={pickMessages(messages[locale], CLIENT_MESSAGES) as Messages}>
          <ShellSession>
            <ShellDemoBanner />
            <ShellHeader locale={locale} />
            <main id="contenu" tabIndex={-1} className="site-main">
              {children}
            </main>
          </ShellSession>
          <SiteFooter locale={locale} />
        </LightMessagesProvider>
      </body>
    </html>
  );
}
