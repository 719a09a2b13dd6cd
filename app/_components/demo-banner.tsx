import { getTranslations } from "next-intl/server";
import { appMode } from "@/lib/env";

/** On every page in demo mode: a demonstration is not for real people's data (README, "Two modes"). */
export async function DemoBanner() {
  if (appMode() !== "demo") return null;
  const t = await getTranslations("shell");

  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {t("demoBanner")}
    </p>
  );
}
