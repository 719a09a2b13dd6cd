import type { ReactNode } from "react";
import { LightClientMessages } from "@/app/_components/light-client-messages";

// The player translates with useLightTranslations: next-intl's client runtime stays off the page.
export default function Layout({ children }: { children: ReactNode }) {
  return <LightClientMessages paths={["player"]}>{children}</LightClientMessages>;
}
