import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import { getDb } from "@/db/client";
import { getActor, getActorAwaitingSecondFactor } from "@/lib/auth/guards";
import { secondFactorStatus } from "@/lib/auth/second-factor/session-marks";
import { homePathOf } from "@/lib/access/home";
import { safeReturnPath } from "@/lib/forms";
import { signOutAction } from "../connexion/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("challenge.title"), robots: { index: false } };
}

type SearchParams = { retour?: string; erreur?: string; minutes?: string };

/**
 * Where a manager's or admin's session proves its second factor after signing in: a code of
 * their authenticator app or a recovery code. The form posts to ./verifier, which works without
 * JavaScript and goes back to `retour`. Not enrolled yet: enrolment first.
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [params, t, verified, waiting] = await Promise.all([
    searchParams,
    getTranslations("secondFactor.challenge"),
    getActor(),
    getActorAwaitingSecondFactor(),
  ]);
  // Without `retour`, the person's home (HOME_PATH when nobody is signed in: it decides later).
  const returnTo = safeReturnPath(params.retour, homePathOf(verified ?? waiting));
  if (verified) redirect(returnTo);
  if (!waiting) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  const { db } = await getDb();
  if (!(await secondFactorStatus(db, waiting.userId)).enrolled)
    redirect(`/double-authentification/activer?retour=${encodeURIComponent(returnTo)}`);
  const minutes = Number(params.minutes);
  const message =
    params.erreur === "code"
      ? t("errors.code")
      : params.erreur === "limite" && minutes > 0
        ? t("errors.throttled", { minutes })
        : undefined;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <FormMessage message={message} />
      <p className="lead">{t("intro")}</p>
      <form method="post" action="/double-authentification/verifier" className="form">
        <input type="hidden" name="retour" value={returnTo} />
        <TextField
          id="code"
          label={t("code")}
          hint={t("codeHint")}
          errors={message ? [message] : undefined}
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's one task: the code goes in at once
          autoFocus
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      <p>{t("lost")}</p>
      <form action={signOutAction}>
        <button type="submit" className="button button--secondary">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
