import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guards";
import { listAccountSsoLinks } from "@/lib/sso/list-account-sso-links";
import { listLinkedSsoIdentities } from "@/lib/sso/unlink-sso-identity";
import { isSsoLinkOutcome } from "@/lib/sso/sso-urls";
import { SsoLinks } from "./_components/sso-links";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { env } from "@/lib/env";
import { needsSecondFactor } from "@/lib/access/second-factor";
import { secondFactorStatus } from "@/lib/auth/second-factor/session-marks";
import { SecondFactorSection } from "./_components/second-factor-section";
import { RenameForm } from "@/app/_components/rename-form";
import { renameSelfAction, signOutEverywhereAction } from "./actions";
import { listOwnResults } from "@/lib/phishing/list-own-results";
import { OwnExercises } from "./_components/own-exercises";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

type Props = { searchParams: Promise<{ sso?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const [actor, t, tr, { sso }, { db }] = await Promise.all([
    requireActor("/mon-compte"),
    getTranslations("account"),
    getTranslations("account.rename"),
    searchParams,
    getDb(),
  ]);
  const [providers, linked, secondFactor, exercises] = await Promise.all([
    listAccountSsoLinks(db, actor),
    listLinkedSsoIdentities(db, actor.userId),
    secondFactorStatus(db, actor.userId),
    listOwnResults(db, actor.userId),
  ]);
  // A linked identity provider sends the name at each sign-in (lib/sso/link-sso-identity.ts): shown as such, not editable.
  const fromProvider = linked.length > 0;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <dl className="facts">
        <dt>{fromProvider ? tr("providerTitle") : t("name")}</dt>
        <dd>{actor.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{actor.email ?? "—"}</dd>
        <dt>{t("establishments")}</dt>
        <dd>{actor.memberships.map((m) => m.organisationName).join(", ") || "—"}</dd>
      </dl>
      <section className="section" aria-labelledby="mon-nom">
        <h2 id="mon-nom">{fromProvider ? tr("providerTitle") : tr("title")}</h2>
        {fromProvider ? (
          <p>{tr("providerBody", { providers: linked.map((identity) => identity.displayName).join(", ") })}</p>
        ) : (
          <RenameForm
            action={renameSelfAction}
            name={actor.name}
            text={{ label: tr("label"), hint: tr("hint"), submit: tr("submit") }}
          />
        )}
        <p className="hint">{tr("certificatesHint")}</p>
      </section>
      {(secondFactor.enrolled || needsSecondFactor(actor.memberships)) && <SecondFactorSection status={secondFactor} />}
      <SsoLinks
        userId={actor.userId}
        providers={providers}
        linked={linked}
        outcome={isSsoLinkOutcome(sso) ? sso : null}
      />
      {exercises.length > 0 && <OwnExercises results={exercises} />}
      <section className="section" aria-labelledby="mes-donnees">
        <h2 id="mes-donnees">{t("dataTitle")}</h2>
        <p>{t("dataBody")}</p>
        <a className="button" href="/api/mes-donnees">
          {t("download")}
        </a>
      </section>
      <section className="section" aria-labelledby="mes-sessions">
        <h2 id="mes-sessions">{t("sessionsTitle")}</h2>
        <p>{t("sessionsBody", { idle: env().SESSION_IDLE_MINUTES, hours: SESSION_MAX_AGE_SECONDS / 3600 })}</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button button--secondary">
            {t("signOutEverywhere")}
          </button>
        </form>
      </section>
    </div>
  );
}
