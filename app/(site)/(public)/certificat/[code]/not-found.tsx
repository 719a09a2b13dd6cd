import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundTitle } from "@/app/_components/not-found-title";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("certificates.verification"))("notFound"),
    robots: { index: false, follow: false },
  };
}

/** An unknown or malformed code: the verdict, with a 404 status. */
export default async function CertificateNotFound() {
  const t = await getTranslations("certificates.verification");

  return (
    <div className="narrow">
      <NotFoundTitle title={`${t("notFound")} — Vigie`} />
      <h1>{t("title")}</h1>
      <div className="verdict verdict--not_found">
        <h2>{t("notFound")}</h2>
        <p>{t("notFoundBody")}</p>
      </div>
    </div>
  );
}
