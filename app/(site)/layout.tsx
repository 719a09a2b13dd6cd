import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteDocument, siteViewport } from "@/app/_components/site-document";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");

  return { title: { default: t("title"), template: `%s — Vigie` }, description: t("description") };
}

export const viewport: Viewport = siteViewport;

/** The root layout of every page rendered per request; a prerendered page may have its own beside it. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return <SiteDocument>{children}</SiteDocument>;
}
