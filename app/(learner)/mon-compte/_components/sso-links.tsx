import { getTranslations } from "next-intl/server";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { AccountSsoLink } from "@/lib/sso/list-account-sso-links";
import { sealSsoLinkRequest } from "@/lib/sso/sso-link-request";
import { type SsoLinkOutcome, ssoLinkStartPath } from "@/lib/sso/sso-urls";

type Props = { userId: string; providers: AccountSsoLink[]; outcome: SsoLinkOutcome | null };

/**
 * "Lier mon compte …": one link per establishment provider not yet linked. Each carries a sealed
 * request for this user (a plain link, as the sign-in's: the pages' CSP stops a form's redirect).
 */
export async function SsoLinks({ userId, providers, outcome }: Props) {
  const t = await getTranslations("account.sso");
  if (providers.length === 0 && !outcome) return null;
  const links = await Promise.all(providers.map(async (provider) => ({ ...provider, href: provider.isLinked ? null : ssoLinkStartPath(provider.slug, await sealSsoLinkRequest({ userId, organisationId: provider.organisationId })) })));

  return (
    <section className="section" aria-labelledby="sso-links">
      <h2 id="sso-links">{t("title")}</h2>
      <FormOutcome ok={outcome === "lie" || outcome === "deja-lie"} message={outcome ? t(`outcomes.${outcome}`) : undefined} />
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
    </section>
  );
}
