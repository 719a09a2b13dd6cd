import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import NotFound from "./(site)/not-found";
import { SiteDocument, siteViewport } from "./_components/site-document";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors.notFound");

  return { title: `${t("metaTitle")} — Vigie`, robots: { index: false } };
}

export const viewport: Viewport = siteViewport;

/**
 * An address that matches nothing: with two root layouts (the site's and the prerendered shell's)
 * there is no single one around it, so it draws the site's whole document itself.
 */
export default function GlobalNotFound() {
  return (
    <SiteDocument>
      <NotFound />
    </SiteDocument>
  );
}
