import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCurrentEstablishment } from "@/lib/auth/guards";
import { getViewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/i18n/locales";
import { SiteHeaderView } from "./site-header-view";

export async function SiteHeader() {
  const [t, tInvitations, tSwitcher, locale, signedIn] = await Promise.all([
    getTranslations("shell"),
    getTranslations("memberships.invitations"),
    getTranslations("memberships.switcher"),
    getLocale(),
    getCurrentEstablishment(),
  ]);
  const viewer = signedIn
    ? await getViewer((await getDb()).db, {
        actor: signedIn.actor,
        currentEstablishmentId:
          signedIn.current.status === "chosen" ? signedIn.current.membership.organisationId : null,
      })
    : null;

  return (
    <SiteHeaderView t={t} tInvitations={tInvitations} tSwitcher={tSwitcher} locale={locale as Locale} viewer={viewer} />
  );
}
