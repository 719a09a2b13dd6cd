import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormMessage } from "@/app/_components/form-feedback";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";
import { findSsoEstablishment } from "@/lib/sso/find-sso-establishment";
import { isSsoErrorCode, ssoStartPath } from "@/lib/sso/sso-urls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso.signIn"))("chooseTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ erreur?: string; retour?: string }> };

/** An establishment's own sign-in page (the link for its intranet): one link to its identity provider. */
export default async function EstablishmentSignInPage({ params, searchParams }: Props) {
  const [{ slug }, { erreur, retour }, t, actor] = await Promise.all([
    params,
    searchParams,
    getTranslations("sso.signIn"),
    getActor(),
  ]);
  const returnTo = safeReturnPath(retour);
  if (actor && !erreur) redirect(returnTo);
  const { db } = await getDb();
  const establishment = await findSsoEstablishment(db, slug);
  const error = isSsoErrorCode(erreur) ? t(`errors.${erreur}`) : undefined;

  if (!establishment?.isEnabled) {
    return (
      <div className="narrow">
        <h1>{t("unavailableTitle")}</h1>
        <p className="callout callout--alert">{t("errors.indisponible")}</p>
        <p>
          <Link href="/connexion">{t("back")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{t("establishmentTitle", { name: establishment.name })}</h1>
      <FormMessage message={error} />
      <p className="lead">{t("establishmentIntro", { provider: establishment.displayName })}</p>
      <p>
        {/* A plain link (GET) to the route that leaves for the provider: see app/api/sso/[slug]/demarrer. */}
        <a className="button" href={ssoStartPath(establishment.slug, retour ? returnTo : undefined)}>
          {t("continue", { provider: establishment.displayName })}
        </a>
      </p>
      <p>
        <Link href="/connexion">{t("back")}</Link>
      </p>
    </div>
  );
}
