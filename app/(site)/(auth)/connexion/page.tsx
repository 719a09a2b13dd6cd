import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormMessage } from "@/app/_components/form-feedback";
import { homePath } from "@/lib/access/home";
import { getActor, getActorAwaitingSecondFactor, secondFactorPath } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";
import { MagicLinkForm } from "./_components/magic-link-form";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");

  return { title: t("title"), robots: { index: false } };
}

type SearchParams = { retour?: string; error?: string; code?: string; minutes?: string };

/** What Auth.js's redirects to this page (?error=…) mean, in the reader's words. */
function errorMessage(
  t: Awaited<ReturnType<typeof getTranslations<"signIn">>>,
  params: SearchParams,
): string | undefined {
  const minutes = Number(params.minutes);
  if (params.error === "trop-de-tentatives" && minutes > 0) return t("errors.linksThrottled", { minutes });
  if (params.error === "lien-deja-envoye" && minutes > 0) return t("errors.linkAlreadySent", { minutes });
  if (params.error === "CredentialsSignin" && params.code === "throttled") return t("errors.throttledSoon");
  if (params.error === "CredentialsSignin") return t("errors.invalidCredentials");
  if (params.error === "Verification") return t("errors.linkInvalid");
  if (params.error === "AccessDenied") return t("errors.accessDenied");
  if (params.error) return t("errors.generic");

  return undefined;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [params, actor, t, tSso] = await Promise.all([
    searchParams,
    getActor(),
    getTranslations("signIn"),
    getTranslations("sso.signIn"),
  ]);
  // No page asked for: each person's home once they are known (lib/access/home.ts).
  const returnTo = params.retour ? safeReturnPath(params.retour) : "";
  if (actor) redirect(returnTo || homePath(actor));
  const waiting = await getActorAwaitingSecondFactor();
  if (waiting) redirect(secondFactorPath(returnTo || homePath(waiting)));

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <FormMessage message={errorMessage(t, params)} />
      <p className="lead">{t("intro")}</p>
      <SignInForm returnTo={returnTo} />
      <p>
        <Link href="/mot-de-passe-oublie">{t("forgotPassword")}</Link>
      </p>
      <p>
        {t("join.prompt")} <Link href="/rejoindre">{t("join.link")}</Link>
      </p>
      <section className="auth-section" aria-labelledby="magic-link-title">
        <h2 id="magic-link-title">{t("magicLink.title")}</h2>
        <p>{t("magicLink.intro")}</p>
        <MagicLinkForm returnTo={returnTo} />
      </section>
      <section className="auth-section" aria-labelledby="sso-title">
        <h2 id="sso-title">{tSso("sectionTitle")}</h2>
        <p>{tSso("sectionIntro")}</p>
        <p>
          <Link
            className="button button--secondary"
            href={`/connexion/etablissement${params.retour ? `?retour=${encodeURIComponent(returnTo)}` : ""}`}
          >
            {tSso("sectionLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
