import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * Gives the client components below it the message namespaces they translate, and only those:
 * every message passed here is serialized into each page's HTML, so the root layout passes
 * almost none and each part of the site adds its own (the catalogue's HTML went from 51 to
 * 24 KB when the root layout stopped sending every namespace to every page).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));

  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
