import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = { current: "dashboard" | "learners" | "assignments" | "reminders" | "exercises"; query?: string };

/** Links between the manager's pages, keeping the chosen establishment. */
export async function ReportsNav({ current, query = "" }: Props) {
  const [t, tReminders, tExercises] = await Promise.all([
    getTranslations("managerReports.nav"),
    getTranslations("reminders"),
    getTranslations("phishingExercises"),
  ]);
  const links = [
    { key: "dashboard", href: "/etablissement/tableau-de-bord" },
    { key: "learners", href: "/etablissement/apprenants" },
    { key: "assignments", href: "/etablissement/affectations" },
  ] as const;

  return (
    <nav aria-label={t("label")} className="reports-nav">
      <ul>
        {links.map((link) => (
          <li key={link.key}>
            <Link href={`${link.href}${query}`} aria-current={current === link.key ? "page" : undefined}>
              {t(link.key)}
            </Link>
          </li>
        ))}
        <li>
          <Link href={`/etablissement/relances${query}`} aria-current={current === "reminders" ? "page" : undefined}>
            {tReminders("nav")}
          </Link>
        </li>
        <li>
          <Link href={`/etablissement/exercices${query}`} aria-current={current === "exercises" ? "page" : undefined}>
            {tExercises("nav")}
          </Link>
        </li>
        <li>
          <Link href={`/etablissement/certificats${query}`}>{t("certificates")}</Link>
        </li>
        <li>
          <Link href={`/etablissement/import${query}`}>{t("import")}</Link>
        </li>
        <li>
          <Link href={`/etablissement/equipes${query}`}>{t("teams")}</Link>
        </li>
        <li>
          <Link href={`/etablissement/contact-incident${query}`}>{t("incidentContact")}</Link>
        </li>
        <li>
          <Link href={`/etablissement/connexion-sso${query}`}>{t("sso")}</Link>
        </li>
        <li>
          <Link href={`/etablissement/codes-d-acces${query}`}>{t("joinCodes")}</Link>
        </li>
      </ul>
    </nav>
  );
}
