import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { getPhishingScenario, renderPhishingMessage } from "./scenarios";
import { sendDueMessages } from "./send-due-messages";

/** The landing page of a message's link, on the app's public origin. */
export function landingUrl(token: string): string {
  return new URL(`/exercice/${token}`, publicOrigin()).toString();
}

/** One run of the exercise sender with the real scenarios and settings; logs, never throws. */
export async function runPhishingSenderOnce(now = new Date()): Promise<void> {
  try {
    const { db } = await getDb();
    const counts = await sendDueMessages(db, {
      now,
      landingUrl,
      perEstablishmentPerMinute: env().PHISHING_SEND_PER_MINUTE,
      render: (scenarioId, link) => {
        const scenario = getPhishingScenario(scenarioId);
        return scenario ? renderPhishingMessage(scenario, link) : null;
      },
    });
    if (counts.claimed > 0) console.log(`[phishing] sender run: ${JSON.stringify(counts)}`);
  } catch (error) {
    console.error("[phishing] sender run failed:", error);
  }
}
