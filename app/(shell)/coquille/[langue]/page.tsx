import type { Metadata } from "next";
import { createTranslator } from "next-intl";
import { LightMessagesProvider, type Messages } from "@/app/_components/light-messages";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { buildCatalogueView } from "@/lib/progress/catalogue-view";
import { CatalogueShell } from "./_components/catalogue-shell";

type Props = { params: Promise<{ langue: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).langue as Locale;

  return { title: createTranslator({ locale, messages: messages[locale], namespace: "catalogue" })("title") };
}

/**
 * The catalogue (/modules) as prerendered for everyone, one per language (issue 19): every path and
 * module at the current version (a new version is a new build), as for a learner who has started
 * none, and CatalogueShell asking GET /api/progress/catalogue for the learner's part. Its own
 * address is /coquille/<language>: no static segment beside [moduleId], so no module id can meet it.
 */
export default async function CatalogueShellPage({ params }: Props) {
  const locale = (await params).langue as Locale;
  const view = buildCatalogueView(getCatalogue(), new Map());

  return (
    <LightMessagesProvider
      locale={locale}
      messages={pickMessages(messages[locale], ["catalogue", "learnerAssignments", "scormPlayer"]) as Messages}
    >
      <CatalogueShell view={view} locale={locale} />
    </LightMessagesProvider>
  );
}
