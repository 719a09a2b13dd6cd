import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { publicOrigin } from "@/lib/http/public-origin";
import { getSsoSettingsPage } from "@/lib/sso/get-sso-settings";
import { DEFAULT_SCOPES } from "@/lib/sso/sso-settings-schema";
import { ssoCallbackUrl, ssoSignInPath } from "@/lib/sso/sso-urls";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { DiscoveryTestForm } from "./_components/discovery-test-form";
import { RemoveSsoForm } from "./_components/remove-sso-form";
import { SsoSettingsForm } from "./_components/sso-settings-form";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso.settings"))("title"), robots: { index: false } };
}

/** For managers (and platform admins): the establishment's OpenID Connect sign-in. */
export default async function SsoSettingsPage({ searchParams }: Props) {
  const [{ etablissement }, t] = await Promise.all([searchParams, getTranslations("sso.settings")]);
  // Another establishment's id is not found, never silently replaced by one of the actor's own.
  const {
    actor,
    db,
    establishment: selected,
    establishments,
  } = await requireManagerPage("/etablissement/connexion-sso", etablissement);
  const { slug, settings, canEditEmailDomains } = await getSsoSettingsPage(db, { actor, organisationId: selected.id });

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {establishments.length > 1 ? (
        <EstablishmentPicker establishments={establishments} selectedId={selected.id} />
      ) : (
        <p>{t("editing", { name: selected.name })}</p>
      )}
      <p role="status" className={settings?.isEnabled ? "callout" : "callout callout--alert"}>
        {!settings
          ? t("statusNone")
          : settings.isEnabled
            ? t("statusEnabled", { provider: settings.displayName })
            : t("statusDisabled")}
      </p>
      <section className="sso-register" aria-labelledby="sso-register-title">
        <h2 id="sso-register-title">{t("registerTitle")}</h2>
        <dl>
          <dt>{t("callbackUrl")}</dt>
          <dd>
            <code data-testid="sso-callback-url">{ssoCallbackUrl(slug)}</code>
          </dd>
          <dt>{t("directLink")}</dt>
          <dd>
            <code>{`${publicOrigin()}${ssoSignInPath(slug)}`}</code>
          </dd>
        </dl>
      </section>
      <SsoSettingsForm
        key={selected.id}
        organisationId={selected.id}
        hasClientSecret={settings?.hasClientSecret ?? false}
        canEditEmailDomains={canEditEmailDomains}
        initial={{
          displayName: settings?.displayName ?? "",
          issuer: settings?.issuer ?? "",
          clientId: settings?.clientId ?? "",
          discoveryPath: settings?.discoveryPath ?? "",
          scopes: settings?.scopes ?? DEFAULT_SCOPES,
          acrValues: settings?.acrValues ?? "",
          isEnabled: settings?.isEnabled ?? true,
          isProSanteConnect: settings?.isProSanteConnect ?? false,
          accountCreation: settings?.accountCreation ?? "none",
          allowedEmailDomains: settings?.allowedEmailDomains.join(", ") ?? "",
          structureIds: settings?.structureIds.join(", ") ?? "",
        }}
      />
      {settings && (
        <>
          <section className="auth-section" aria-labelledby="sso-test-title">
            <h2 id="sso-test-title">{t("testTitle")}</h2>
            <p>{t("testIntro")}</p>
            <DiscoveryTestForm organisationId={selected.id} />
          </section>
          <section className="auth-section" aria-labelledby="sso-remove-title">
            <h2 id="sso-remove-title">{t("removeTitle")}</h2>
            <p>{t("removeIntro")}</p>
            <RemoveSsoForm key={settings.updatedAt.getTime()} organisationId={selected.id} />
          </section>
        </>
      )}
    </div>
  );
}
