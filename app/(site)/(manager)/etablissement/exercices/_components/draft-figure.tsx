import { getTranslations } from "next-intl/server";
import type { DraftMessageCount } from "@/lib/phishing/count-draft-messages";

/** A draft's messages as its launch would plan them now, and who is counted in another establishment. */
export async function DraftFigure({ count }: { count?: DraftMessageCount }) {
  const t = await getTranslations("phishingExercises");
  if (!count) return null;

  return (
    <>
      {t("draftPlanned", { count: count.planned })}
      {count.countedElsewhere > 0 && <p className="hint">{t("countedElsewhere", { count: count.countedElsewhere })}</p>}
    </>
  );
}
