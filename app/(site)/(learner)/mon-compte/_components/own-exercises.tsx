import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OwnExerciseResult } from "@/lib/phishing/list-own-results";
import { PHISHING_MODULE_ID } from "@/lib/phishing/phishing-module";
import { getPhishingScenario } from "@/lib/phishing/scenarios";

/** The person's own phishing exercises, each with a kind sentence on what they did: theirs alone. */
export async function OwnExercises({ results }: { results: OwnExerciseResult[] }) {
  const [t, format] = await Promise.all([getTranslations("phishingPeople.own"), getFormatter()]);
  const sentence = (r: OwnExerciseResult) =>
    r.clickedAt && r.reportedAt ? "clickedReported" : r.clickedAt ? "clicked" : r.reportedAt ? "reported" : "none";

  return (
    <section className="section" aria-labelledby="mes-exercices">
      <h2 id="mes-exercices">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ul>
        {results.map((r) => (
          <li key={r.recipientId}>
            <p>
              <strong>
                {t("received", {
                  date: format.dateTime(r.receivedAt, { dateStyle: "long" }),
                  scenario: getPhishingScenario(r.scenarioId)?.title ?? r.scenarioId,
                  establishment: r.organisationName,
                })}
              </strong>
            </p>
            <p>{t(sentence(r))}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/modules/${PHISHING_MODULE_ID}`}>{t("module")}</Link>
      </p>
    </section>
  );
}
