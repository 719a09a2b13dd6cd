import Link from "next/link";
import { getTranslations } from "next-intl/server";

const FEATURES = ["short", "resume", "certificate", "managers"] as const;

export default async function HomePage() {
  const t = await getTranslations("home");

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1 id="home-title">{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <p className="hero__actions">
          <Link href="/modules" prefetch={false} className="button">
            {t("cta")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="features-title" className="section">
        <h2 id="features-title">{t("featuresTitle")}</h2>
        <ul className="card-grid">
          {FEATURES.map((key) => (
            <li key={key} className="card">
              <h3>{t(`features.${key}.title`)}</h3>
              <p>{t(`features.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <aside className="callout callout--alert" aria-labelledby="incident-title">
        <h2 id="incident-title">{t("incidentTitle")}</h2>
        <p>{t("incidentBody")}</p>
      </aside>
    </>
  );
}
