import { getTranslations } from "next-intl/server";
import type { IncidentDont } from "@/lib/incident/incident-guidance";

export async function DontsList({ donts }: { donts: IncidentDont[] }) {
  const t = await getTranslations("incident.donts");

  return (
    <section className="incident-donts" aria-labelledby="a-ne-pas-faire">
      <h2 id="a-ne-pas-faire">{t("title")}</h2>
      <ul>
        {donts.map((dont) => (
          <li key={dont.title}>
            <strong>{dont.title}.</strong> {dont.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
