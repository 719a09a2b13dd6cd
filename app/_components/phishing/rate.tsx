import { getFormatter, getTranslations } from "next-intl/server";

/** A share as a percentage with its counts, « 33 % (2 sur 6) »; a dash when there is nothing to divide by. */
export async function Rate({ count, total }: { count: number; total: number }) {
  const [t, format] = await Promise.all([getTranslations("phishingResults"), getFormatter()]);
  if (total === 0) return <>{t("none")}</>;

  return <>{t("rate", { percent: format.number(count / total, { style: "percent" }), count, total })}</>;
}
