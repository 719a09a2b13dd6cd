import { getTranslations } from "next-intl/server";
import type { IncidentStep } from "@/lib/incident/incident-guidance";

export async function IncidentSteps({ steps }: { steps: IncidentStep[] }) {
  const t = await getTranslations("incident.steps");

  return (
    <section aria-labelledby="pour-la-direction">
      <h2 id="pour-la-direction">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ol className="incident-steps">
        {steps.map((step, index) => (
          <li key={step.title} className="incident-step">
            <h3>
              <span className="incident-step__number">{t("number", { number: index + 1 })}</span> {step.title}
            </h3>
            {step.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {step.link && (
              <p className="incident-step__link">
                <a href={step.link.href}>{step.link.label}</a>
              </p>
            )}
            {step.warning && <p className="incident-step__warning">{step.warning}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
