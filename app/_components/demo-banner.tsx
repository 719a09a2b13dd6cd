import { getTranslations } from "next-intl/server";
import { appMode } from "@/lib/env";
import { DemoBannerNote } from "./demo-banner-note";

/** On every page in demo mode: a demonstration is not for real people's data (README, "Two modes"). */
export async function DemoBanner() {
  if (appMode() !== "demo") return null;
  const t = await getTranslations("shell");

  return <DemoBannerNote text={t("demoBanner")} />;
}
