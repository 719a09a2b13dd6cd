import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates.verification"))("notFound"), robots: { index: false, follow: false } };
}

/** An unknown or malformed code: the verdict, with a 404 status. */
export default async function CertificateNotFound() {
  const t = await getTranslations("certificates.verification");

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <div className="verdict verdict--not_found">
        <h2>{t("notFound")}</h2>
        <p>{t("notFoundBody")}</p>
      </div>
    </div>
  );
}
