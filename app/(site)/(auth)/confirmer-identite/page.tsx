import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import { getDb } from "@/db/client";
import { RECENT_AUTH_MINUTES } from "@/lib/access/recent-auth";
import { requireActor } from "@/lib/auth/guards";
import { reauthenticationMethods } from "@/lib/auth/reauthentication-methods";
import { safeReturnPath } from "@/lib/forms";
import { signInAgainAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("reauth.title"), robots: { index: false } };
}

type SearchParams = { retour?: string; erreur?: string; minutes?: string };

/**
 * Where a sensitive action sends someone whose proof of identity is over 10 minutes old: their
 * password, or a code of their second factor; without either (sign-in links, SSO), a new sign-in.
 * Then back to the page they were on (`retour`).
 */
export default async function ConfirmIdentityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.retour, "/mon-compte");
  const [actor, t] = await Promise.all([
    requireActor(`/confirmer-identite?retour=${encodeURIComponent(returnTo)}`),
    getTranslations("secondFactor.reauth"),
  ]);
  const { db } = await getDb();
  const { hasPassword, hasSecondFactor } = await reauthenticationMethods(db, actor.userId);
  const minutes = Number(params.minutes);
  const message =
    params.erreur === "invalide"
      ? t("errors.invalid")
      : params.erreur === "limite" && minutes > 0
        ? t("errors.throttled", { minutes })
        : undefined;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <FormMessage message={message} />
      <p className="lead">{t("intro", { minutes: RECENT_AUTH_MINUTES })}</p>
      {hasPassword && (
        <form method="post" action="/confirmer-identite/verifier" className="form">
          <h2>{t("withPassword")}</h2>
          <input type="hidden" name="retour" value={returnTo} />
          <TextField
            id="password"
            label={t("password")}
            type="password"
            autoComplete="current-password"
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's one task: the answer goes in at once
            autoFocus
          />
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </form>
      )}
      {hasSecondFactor && (
        <form method="post" action="/confirmer-identite/verifier" className="form">
          <h2>{hasPassword ? t("withCode") : t("code")}</h2>
          <input type="hidden" name="retour" value={returnTo} />
          <TextField
            id="code"
            label={t("code")}
            type="text"
            autoComplete="one-time-code"
            maxLength={40}
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's one task: the answer goes in at once
            autoFocus={!hasPassword}
          />
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </form>
      )}
      {!hasPassword && !hasSecondFactor && (
        <form action={signInAgainAction} className="form">
          <p>{t("again")}</p>
          <input type="hidden" name="retour" value={returnTo} />
          <button type="submit" className="button">
            {t("signInAgain")}
          </button>
        </form>
      )}
      <p>
        <Link href={returnTo}>{t("cancel")}</Link>
      </p>
    </div>
  );
}
