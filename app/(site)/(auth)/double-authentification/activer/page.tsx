import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { needsSecondFactor } from "@/lib/access/second-factor";
import { getActor, getActorAwaitingSecondFactor } from "@/lib/auth/guards";
import { startEnrolment } from "@/lib/auth/second-factor/enrol-second-factor";
import { secondFactorStatus } from "@/lib/auth/second-factor/session-marks";
import { totpUri } from "@/lib/auth/second-factor/totp";
import { homePathOf } from "@/lib/access/home";
import { safeReturnPath } from "@/lib/forms";
import { qrCodePath } from "@/lib/join/qr-code-path";
import { EnrolForm } from "./_components/enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("enrol.title"), robots: { index: false } };
}

const QUIET_ZONE = 4;

/**
 * Enrolment of a TOTP second factor, for a manager or admin: from "Mon compte", or right after
 * signing in when they have none yet. A new secret on each visit (nothing is stored until a
 * first code confirms it), as a QR code and as text for those who cannot scan.
 */
export default async function EnrolPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const [{ retour }, t, verified, waiting] = await Promise.all([
    searchParams,
    getTranslations("secondFactor.enrol"),
    getActor(),
    getActorAwaitingSecondFactor(),
  ]);
  const actor = verified ?? waiting;
  const returnTo = safeReturnPath(retour, verified ? "/mon-compte" : homePathOf(waiting));
  if (!actor) redirect(`/connexion?retour=${encodeURIComponent("/double-authentification/activer")}`);
  const { db } = await getDb();
  const { enrolled } = await secondFactorStatus(db, actor.userId);
  if (enrolled && waiting) redirect(`/double-authentification?retour=${encodeURIComponent(returnTo)}`);
  if (enrolled || !needsSecondFactor(actor.memberships)) {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p className="lead">{enrolled ? t("already") : t("notNeeded")}</p>
        <p>
          <Link href="/mon-compte">{t("back")}</Link>
        </p>
      </div>
    );
  }

  const pending = startEnrolment(actor.userId);
  const qr = qrCodePath(totpUri(pending.secret, actor.email ?? actor.name));
  const box = qr.size + 2 * QUIET_ZONE;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ol className="enrol-steps">
        <li>
          <p>{t("step1")}</p>
          <svg
            className="enrol-qr"
            viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
            role="img"
            aria-label={t("qrLabel")}
            shapeRendering="crispEdges"
          >
            <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
        </li>
        <li>
          <p>{t("step2")}</p>
          <p>
            <code className="enrol-secret" data-testid="totp-secret">
              {pending.secret.match(/.{1,4}/g)!.join(" ")}
            </code>
          </p>
        </li>
        <li>
          <p>{t("step3")}</p>
          <EnrolForm pending={pending.sealed} returnTo={returnTo} />
        </li>
      </ol>
    </div>
  );
}
