import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const [actor, t] = await Promise.all([requireActor("/mon-compte"), getTranslations("account")]);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <dl className="facts">
        <dt>{t("name")}</dt>
        <dd>{actor.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{actor.email ?? "—"}</dd>
        <dt>{t("establishments")}</dt>
        <dd>{actor.memberships.map((m) => m.organisationName).join(", ") || "—"}</dd>
      </dl>
      <section className="section" aria-labelledby="mes-donnees">
        <h2 id="mes-donnees">{t("dataTitle")}</h2>
        <p>{t("dataBody")}</p>
        <a className="button" href="/api/mes-donnees" download>
          {t("download")}
        </a>
      </section>
    </div>
  );
}
