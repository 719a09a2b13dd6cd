import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The 404 page of every route without its own: an unknown address, and anything the visitor may
 * not see (someone else's establishment, learner, certificate), which gets the same answer.
 */
export default async function NotFound() {
  const t = await getTranslations("shell.notFound");

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
