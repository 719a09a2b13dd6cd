import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { IncidentCase } from "@/lib/incident/incident-guidance";

/**
 * A click on a bad link, a password given, a lost device: the same first call; a dubious message
 * not clicked is reported from /signaler-un-message (on screen only: the printed sheet is for an attack).
 */
export async function OtherCases({ cases }: { cases: IncidentCase[] }) {
  const [t, ts] = await Promise.all([getTranslations("incident.otherCases"), getTranslations("suspectReport")]);

  return (
    <section className="incident-cases no-print" aria-labelledby="autres-cas">
      <h2 id="autres-cas">{t("title")}</h2>
      <ul>
        {cases.map((item) => (
          <li key={item.title}>
            <strong>{item.title} ?</strong> {item.detail}
          </li>
        ))}
      </ul>
      <p>
        {ts("fromIncident")} <Link href="/signaler-un-message">{ts("fromIncidentLink")}</Link>
      </p>
    </section>
  );
}
