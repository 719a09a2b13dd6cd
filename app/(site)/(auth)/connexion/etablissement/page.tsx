import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { safeReturnPath } from "@/lib/forms";
import { listSsoEstablishments } from "@/lib/sso/list-sso-establishments";
import { ssoSignInPath } from "@/lib/sso/sso-urls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso.signIn"))("chooseTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ recherche?: string; retour?: string }> };

/** Choose one's establishment among those with SSO turned on: a plain GET search and a list of links. */
export default async function ChooseEstablishmentPage({ searchParams }: Props) {
  const [{ recherche, retour }, t] = await Promise.all([searchParams, getTranslations("sso.signIn")]);
  const search = typeof recherche === "string" ? recherche.slice(0, 100) : "";
  const returnTo = retour ? safeReturnPath(retour) : undefined;
  const { db } = await getDb();
  const { choices, hasMore } = await listSsoEstablishments(db, { search });
  const suffix = returnTo ? `?retour=${encodeURIComponent(returnTo)}` : "";

  return (
    <div className="narrow">
      <h1>{t("chooseTitle")}</h1>
      <p className="lead">{t("chooseIntro")}</p>
      <form method="get" className="form" role="search">
        {returnTo && <input type="hidden" name="retour" value={returnTo} />}
        <div className="field">
          <label htmlFor="recherche">{t("search")}</label>
          <span id="recherche-hint" className="hint">
            {t("searchHint")}
          </span>
          <input
            id="recherche"
            name="recherche"
            type="search"
            defaultValue={search}
            aria-describedby="recherche-hint"
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("searchSubmit")}
        </button>
      </form>
      <p role="status">{t("results", { count: choices.length })}</p>
      <ul className="sso-choices">
        {choices.map((choice) => (
          <li key={choice.slug}>
            <Link href={`${ssoSignInPath(choice.slug)}${suffix}`}>{choice.name}</Link>{" "}
            <span className="hint">{t("via", { provider: choice.displayName })}</span>
          </li>
        ))}
      </ul>
      {hasMore && <p>{t("more")}</p>}
      <p>
        <Link href="/connexion">{t("back")}</Link>
      </p>
    </div>
  );
}
