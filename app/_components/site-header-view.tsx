import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/i18n/locales";
import { chooseEstablishment, setLocale } from "../actions";
import { signOutAction } from "../(site)/(auth)/connexion/actions";

type Translate = (key: string, values?: Record<string, string | number>) => string;

type Props = {
  /** Translators of "shell", "memberships.invitations" and "memberships.switcher". */
  t: Translate;
  tInvitations: Translate;
  tSwitcher: Translate;
  locale: Locale;
  /** Signed out: null. Not known yet (the prerendered shell before its state arrives): undefined. */
  viewer: Viewer | null | undefined;
  /**
   * For the prerendered shell, whose re-render after an action is the same prerendered page: load
   * the page again once the language or the establishment changed, so that it is drawn in the new one.
   */
  reloadAfterChange?: boolean;
};

type FormAction = (formData: FormData) => Promise<void>;
const thenReload =
  (action: FormAction): FormAction =>
  async (formData) => {
    await action(formData);
    window.location.reload();
  };

/**
 * The site's header, drawn on the server by SiteHeader and in the browser by the prerendered
 * module shell: plain forms (signing out, the language, the establishment) that work before
 * JavaScript wherever the server drew them.
 */
export function SiteHeaderView({ t, tInvitations, tSwitcher, locale, viewer, reloadAfterChange }: Props) {
  const other = locale === "fr" ? "en" : "fr";
  const languageAction = reloadAfterChange ? thenReload(setLocale) : setLocale;
  const establishmentAction = reloadAfterChange ? thenReload(chooseEstablishment) : chooseEstablishment;
  const selected = viewer?.currentEstablishmentId ?? "";

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
              {/* The catalogue is a prerendered shell (proxy.ts), which a prefetch would skip: no prefetch. */}
              <Link href="/modules" prefetch={false}>
                {t("nav.modules")}
              </Link>
            </li>
            {viewer && (
              <li>
                <Link href="/mes-certificats">{t("nav.certificates")}</Link>
              </li>
            )}
            {viewer?.mayManage && (
              <li>
                <Link href="/etablissement/tableau-de-bord">{t("nav.establishment")}</Link>
              </li>
            )}
            {viewer?.isPlatformAdmin && (
              <li>
                <Link href="/centre/etablissements">{t("nav.centre")}</Link>
              </li>
            )}
            {viewer && viewer.invitationCount > 0 && (
              <li>
                <Link href="/invitations">{tInvitations("nav", { count: viewer.invitationCount })}</Link>
              </li>
            )}
            {viewer && (
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
          {viewer && viewer.establishments.length > 1 && (
            // Keyed by the choice: React resets a form after its action, and a fresh one resets to the new choice.
            <form key={selected} action={establishmentAction} className="establishment-switcher">
              <label htmlFor="etablissement-actuel">{tSwitcher("label")}</label>
              <select id="etablissement-actuel" name="organisationId" defaultValue={selected} required>
                {!selected && (
                  <option value="" disabled>
                    {tSwitcher("choose")}
                  </option>
                )}
                {viewer.establishments.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--quiet">
                {tSwitcher("submit")}
              </button>
            </form>
          )}
          {viewer && (
            <form action={signOutAction} className="account">
              <Link href="/mon-compte" className="account__name">
                {t("account.signedInAs", { name: viewer.name })}
              </Link>
              <button type="submit" className="button button--quiet">
                {t("account.signOut")}
              </button>
            </form>
          )}
          {viewer === null && (
            <Link href="/connexion" className="button button--quiet">
              {t("account.signIn")}
            </Link>
          )}
          {/* A plain form, so that switching language works before (and without) JavaScript. */}
          <form action={languageAction} className="language-switcher">
            <input type="hidden" name="locale" value={other} />
            <button
              type="submit"
              lang={other}
              aria-label={t("language.switchToLabel")}
              className="button button--quiet"
            >
              {t("language.switchTo")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
