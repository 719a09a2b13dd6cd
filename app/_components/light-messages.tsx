"use client";

import { createContext, type ReactNode, useCallback, useContext } from "react";
import { type MessageValues, formatMessage } from "@/lib/i18n/format-message";

export type Messages = { [key: string]: string | Messages };
type Context = { locale: string; messages: Messages };

const LightMessagesContext = createContext<Context>({ locale: "fr", messages: {} });

/** Client side of LightClientMessages (light-client-messages.tsx): the texts its children translate. */
export function LightMessagesProvider({ children, ...context }: Context & { children: ReactNode }) {
  return <LightMessagesContext.Provider value={context}>{children}</LightMessagesContext.Provider>;
}

/**
 * `useTranslations` for the pages whose client components must stay light (the player, the
 * error page): same keys and messages as next-intl, formatted by lib/i18n/format-message.ts.
 */
export function useLightTranslations(namespace: string) {
  const { locale, messages } = useContext(LightMessagesContext);

  return useCallback(
    (key: string, values: MessageValues = {}): string => {
      const message = `${namespace}.${key}`
        .split(".")
        .reduce<Messages | string | undefined>(
          (node, part) => (typeof node === "object" ? node[part] : undefined),
          messages,
        );
      // As next-intl does for a missing message: the key, so that the page still renders.
      return typeof message === "string" ? formatMessage(message, values, locale) : `${namespace}.${key}`;
    },
    [locale, messages, namespace],
  );
}
