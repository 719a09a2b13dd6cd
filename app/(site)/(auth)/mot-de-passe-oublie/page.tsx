import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "./_components/request-reset-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");

  return { title: t("reset.requestTitle"), robots: { index: false } };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("signIn");

  return (
    <div className="narrow">
      <h1>{t("reset.requestTitle")}</h1>
      <p className="lead">{t("reset.requestIntro")}</p>
      <RequestResetForm />
    </div>
  );
}
