import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { LightMessagesProvider, type Messages } from "./light-messages";

/**
 * ClientMessages (client-messages.tsx) for client components that translate with
 * useLightTranslations instead of next-intl's client runtime: only the namespaces (or
 * "namespace.sub" paths) named here are serialized into the page.
 */
export async function LightClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const [locale, all] = await Promise.all([getLocale(), getMessages()]);
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split(".");
    let source: unknown = all;
    let target = picked;
    for (const [index, part] of parts.entries()) {
      source = (source as Record<string, unknown> | undefined)?.[part];
      if (index === parts.length - 1) target[part] = source;
      else target = (target[part] ??= {}) as Record<string, unknown>;
    }
  }

  return (
    <LightMessagesProvider locale={locale} messages={picked as Messages}>
      {children}
    </LightMessagesProvider>
  );
}
