import { getTranslations } from "next-intl/server";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { AccountSsoLink } from "@/lib/sso/list-account-sso-links";
import type { LinkedSsoIdentity } from "@/lib/sso/unlink-sso-identity";
import { unlinkSsoIdentityAction } from "../actions";
import { sealSsoLinkRequest } from "@/lib/sso/sso-link-request";
import { type SsoLinkOutcome, ssoLinkStartPath } from "@/lib/sso/sso-urls";

type Props = {
  userId: string;
  providers: AccountSsoLink[];
  linked: LinkedSsoIdentity[];
  outcome: SsoLinkOutcome | null;
};

/**
 * "Lier mon compte …": one link per establishment provider not yet linked. Each carries a sealed
 * request for this user (a plain link, as the sign-in's: the pages' CSP stops a form's redirect).
 */
export async function SsoLinks({ userId, providers, linked, outcome }: Props) {
  const t = await getTranslations("account.sso");
  if (providers.length === 0 && linked.length === 0 && !outcome) return null;
  const links = await Promise.all(
    providers.map(async (provider) => ({
      ...provider,
      href: provider.isLinked
        ? null
        : ssoLinkStartPath(
            provider.slug,
            await sealSsoLinkRequest({ userId, organisationId: provider.organisationId }),
          ),
    })),
  );

  return (
    <section className="section" aria-labelledby="sso-links">
      <h2 id="sso-links">{t("title")}</h2>
      <FormOutcome
        ok={outcome === "lie" || outcome === "deja-lie" || outcome === "delie"}
        message={outcome ? t(`outcomes.${outcome}`) : undefined}
      />
      <p>{t("intro")}</p>
      <ul className="sso-links">
        {links.map((link) => (
          <li key={link.organisationId}>
            {link.href ? (
              <a className="button" href={link.href}>
                {t("link", { provider: link.displayName })}
              </a>
            ) : (
              <span>{t("linked", { provider: link.displayName, establishment: link.organisationName })}</span>
            )}
          </li>
        ))}
      </ul>
      {linked.length > 0 && (
        <>
          <h3>{t("linkedTitle")}</h3>
          <ul className="sso-links">
            {linked.map((identity, index) => (
              <li key={identity.issuer}>
                <form action={unlinkSsoIdentityAction} className="form">
                  <input type="hidden" name="issuer" value={identity.issuer} />
                  <p className="hint" id={`unlink-hint-${index}`}>
                    {t("unlinkHint", { provider: identity.displayName })}
                  </p>
                  <label className="choice">
                    <input type="checkbox" name="confirm" aria-describedby={`unlink-hint-${index}`} />
                    <span>{t("unlinkConfirm", { provider: identity.displayName })}</span>
                  </label>
                  <button type="submit" className="button button--secondary">
                    {t("unlink", { provider: identity.displayName })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
