import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What anyone who manages no establishment gets: the same answer as for a page that does not exist. */
export async function ReportsNotFound() {
  const t = await getTranslations("managerReports.notFound");

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
