import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { NewPasswordForm } from "./_components/new-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");

  return { title: t("reset.newTitle"), robots: { index: false } };
}

export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ jeton?: string; fait?: string }>;
}) {
  const [{ jeton, fait }, t, { db }] = await Promise.all([searchParams, getTranslations("signIn"), getDb()]);
  if (fait) {
    return (
      <div className="narrow">
        <h1>{t("reset.newTitle")}</h1>
        <p role="status" className="form-notice">
          {t("reset.done")}
        </p>
        <p>
          <Link href="/connexion">{t("title")}</Link>
        </p>
      </div>
    );
  }
  const usable = typeof jeton === "string" && jeton.length <= 200 && (await isResetTokenUsable(db, jeton));

  return (
    <div className="narrow">
      <h1>{t("reset.newTitle")}</h1>
      {usable ? (
        <>
          <p className="lead">{t("reset.newIntro", { min: PASSWORD_MIN_LENGTH })}</p>
          <NewPasswordForm token={jeton} minLength={PASSWORD_MIN_LENGTH} />
        </>
      ) : (
        <>
          <p className="form-message" role="alert">
            {t("reset.invalidLink")}
          </p>
          <p>
            <Link href="/mot-de-passe-oublie">{t("reset.askAgain")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
