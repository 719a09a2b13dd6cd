import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { retryMinutes } from "@/lib/auth/sign-in-errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { checkJoinCode } from "@/lib/join/check-join-code";
import { formatJoinCode } from "@/lib/join/join-code-format";
import { USERNAME_MIN_LENGTH } from "@/lib/join/username";
import { AlreadySignedIn } from "../_components/already-signed-in";
import { JoinCodeForm } from "../_components/join-code-form";
import { JoinForm } from "../_components/join-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("join"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ code: string }> };

// A malformed escape in a hand-typed address is just a wrong code, not a server error.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The page a poster's QR code opens: the establishment the code is for, then the sign-up form. */
export default async function JoinWithCodePage({ params }: Props) {
  const [{ code }, actor, t] = await Promise.all([params, getActor(), getTranslations("join")]);
  if (actor) {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <AlreadySignedIn name={actor.name} />
      </div>
    );
  }
  const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
  const typed = safeDecode(code).slice(0, 64);
  const check = await checkJoinCode(db, { code: typed, origin: requestOrigin(requestHeaders) });

  if (check.status !== "ok") {
    const message =
      check.status === "throttled"
        ? t("throttled", { minutes: retryMinutes(check.retryAfterSeconds) })
        : t("invalidCode");
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <JoinCodeForm initialMessage={message} initialCode={typed} />
      </div>
    );
  }
  const { target } = check;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <div className="callout">
        <p>{t("joining")}</p>
        <p>
          <strong>{target.organisationName}</strong>
        </p>
        {target.teamName && <p>{t("team", { name: target.teamName })}</p>}
      </div>
      <h2>{t("createTitle")}</h2>
      <JoinForm
        code={formatJoinCode(target.code)}
        usernameMinLength={USERNAME_MIN_LENGTH}
        passwordMinLength={PASSWORD_MIN_LENGTH}
      />
      <p>
        {t("haveAccount")} <Link href="/connexion">{t("signIn")}</Link>
      </p>
    </div>
  );
}
