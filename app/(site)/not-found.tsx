import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotFoundTitle } from "@/app/_components/not-found-title";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors.notFound"))("metaTitle"), robots: { index: false } };
}

/** Any address that matches nothing, and every notFound() without a closer not-found page. */
export default async function NotFound() {
  const t = await getTranslations("errors.notFound");

  return (
    <div className="narrow">
      <NotFoundTitle title={`${t("metaTitle")} — Vigie`} />
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul className="hero__actions">
        <li>
          <Link href="/">{t("home")}</Link>
        </li>
        <li>
          <Link href="/modules" prefetch={false}>
            {t("modules")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
