import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");

  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const [{ retour }, actor, t] = await Promise.all([searchParams, getActor(), getTranslations("signIn")]);
  const returnTo = safeReturnPath(retour);
  if (actor) redirect(returnTo);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
