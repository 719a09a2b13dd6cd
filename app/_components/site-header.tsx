import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(site)/(auth)/connexion/actions";
import { isPlatformAdmin, mayManageAnything } from "@/lib/access/roles";
import { getDb } from "@/db/client";
import { getCurrentEstablishment } from "@/lib/auth/guards";
import { countMyInvitations } from "@/lib/invitations/list-invitations";
import { EstablishmentSwitcher } from "./establishment-switcher";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const [t, tm, signedIn] = await Promise.all([
    getTranslations("shell"),
    getTranslations("memberships.invitations"),
    getCurrentEstablishment(),
  ]);
  const actor = signedIn?.actor ?? null;
  const establishments = actor?.memberships.filter((m) => m.kind === "establishment") ?? [];
  const invitationCount = actor ? await countMyInvitations((await getDb()).db, { userId: actor.userId }) : 0;

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            V
          </span>
          <span className="brand__text">
            <span className="brand__name">Vigie</span>
            <span className="brand__tagline">{t("tagline")}</span>
          </span>
        </Link>
        <nav aria-label={t("mainNav")} className="site-nav">
          <ul>
            <li>
              <Link href="/">{t("nav.home")}</Link>
            </li>
            <li>
              <Link href="/modules">{t("nav.modules")}</Link>
            </li>
            {actor && (
              <li>
                <Link href="/mes-certificats">{t("nav.certificates")}</Link>
              </li>
            )}
            {actor && mayManageAnything(actor) && (
              <li>
                <Link href="/etablissement/tableau-de-bord">{t("nav.establishment")}</Link>
              </li>
            )}
            {actor && isPlatformAdmin(actor) && (
              <li>
                <Link href="/centre/etablissements">{t("nav.centre")}</Link>
              </li>
            )}
            {invitationCount > 0 && (
              <li>
                <Link href="/invitations">{tm("nav", { count: invitationCount })}</Link>
              </li>
            )}
            {actor && (
              <li>
                <Link href="/signaler-un-message">{t("nav.suspectMessage")}</Link>
              </li>
            )}
            <li>
              <Link href="/signaler-un-incident" className="site-nav__incident">
                {t("nav.incident")}
              </Link>
            </li>
          </ul>
        </nav>
        <div className="site-header__tools">
          {signedIn && establishments.length > 1 && (
            <EstablishmentSwitcher establishments={establishments} current={signedIn.current} />
          )}
          {actor ? (
            <form action={signOutAction} className="account">
              <Link href="/mon-compte" className="account__name">
                {t("account.signedInAs", { name: actor.name })}
              </Link>
              <button type="submit" className="button button--quiet">
                {t("account.signOut")}
              </button>
            </form>
          ) : (
            <Link href="/connexion" className="button button--quiet">
              {t("account.signIn")}
            </Link>
          )}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
