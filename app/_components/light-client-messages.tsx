import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { LightMessagesProvider, type Messages } from "./light-messages";

/**
 * ClientMessages (client-messages.tsx) for client components that translate with
 * useLightTranslations instead of next-intl's client runtime: only the namespaces (or
 * "namespace.sub" paths) named here are serialized into the page.
 */
export async function LightClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const [locale, all] = await Promise.all([getLocale(), getMessages()]);

  return (
    <LightMessagesProvider locale={locale} messages={pickMessages(all, paths) as Messages}>
      {children}
    </LightMessagesProvider>
  );
}
