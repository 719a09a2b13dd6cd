import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isLocalMailboxEnabled } from "@/lib/mail/local-mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");

  return { title: t("linkSent.title"), robots: { index: false } };
}

/** Where Auth.js sends the browser after a link request, whether or not the account exists. */
export default async function LinkSentPage() {
  const t = await getTranslations("signIn");

  return (
    <div className="narrow">
      <h1>{t("linkSent.title")}</h1>
      <p className="lead">{t("linkSent.body")}</p>
      {isLocalMailboxEnabled() ? (
        <p>
          <Link href="/boite-mail">{t("linkSent.mailbox")}</Link>
        </p>
      ) : null}
      <p>
        <Link href="/connexion">{t("linkSent.back")}</Link>
      </p>
    </div>
  );
}
