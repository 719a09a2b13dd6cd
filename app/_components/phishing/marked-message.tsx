import { getTranslations } from "next-intl/server";
import { markClues } from "@/lib/phishing/mark-clues";
import type { PhishingScenario } from "@/lib/phishing/scenarios";
import { MarkedMessageView } from "./marked-message-view";

/**
 * A scenario's message with its clues marked and listed, for the page shown after a click.
 * `link` stands in for {{lien}} (by default a neutral "[lien de l'exercice]").
 */
export async function MarkedMessage({
  scenario,
  link,
  idPrefix,
  headingLevel,
}: {
  scenario: PhishingScenario;
  link?: string;
  idPrefix?: string;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations("phishingMessage");
  const labels = {
    caption: t("caption"),
    from: t("from"),
    subject: t("subject"),
    cluesHeading: t("cluesHeading"),
    clueReference: (number: number) => t("clueReference", { number }),
    showInMessage: t("showInMessage"),
    kinds: {
      sender: t("kinds.sender"),
      urgency: t("kinds.urgency"),
      link: t("kinds.link"),
      request: t("kinds.request"),
      pressure: t("kinds.pressure"),
      attachment: t("kinds.attachment"),
    },
  };

  return (
    <MarkedMessageView
      marked={markClues(scenario, link ?? t("linkPlaceholder"))}
      labels={labels}
      idPrefix={idPrefix}
      headingLevel={headingLevel}
    />
  );
}
