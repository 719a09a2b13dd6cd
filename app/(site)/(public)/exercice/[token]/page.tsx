import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { PHISHING_MODULE_ID } from "@/lib/phishing/phishing-module";
import { recordAutomaticOpen } from "@/lib/phishing/record-landing";
import { getPhishingScenario } from "@/lib/phishing/scenarios";
import { LandingExplanation } from "@/app/_components/phishing/landing-explanation";
import { MarkedMessage } from "@/app/_components/phishing/marked-message";
import { RevealOnActivation } from "./_components/reveal-on-activation";

type Props = { params: Promise<{ token: string }> };

// Each request is an opening to count; never cached, never prerendered.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("phishingExercises.landing"))("title"),
    robots: { index: false, follow: false },
    // The token is in the address: it must not travel to another site as a referrer.
    referrer: "no-referrer",
  };
}

/**
 * An exercise link's landing page. Loading it counts only as an automatic opening (mail
 * scanners load every link); the click counts once the person presses the button (the client
 * posts to ./clic only on a real user activation). An unknown, forged, expired or other
 * establishment's token gets the plain page, with nothing recorded.
 */
export default async function ExerciseLandingPage({ params }: Props) {
  const { token } = await params;
  const [{ db }, actor, t] = await Promise.all([getDb(), getActor(), getTranslations("phishingExercises.landing")]);
  const viewerOrganisationIds = actor?.memberships.map((m) => m.organisationId);
  const landing = await recordAutomaticOpen(db, { token, now: new Date(), viewerOrganisationIds });
  const scenario = landing ? getPhishingScenario(landing.scenarioId) : undefined;
  if (!landing || !scenario) {
    return (
      <>
        <h1>{t("plainTitle")}</h1>
        <p>{t("plainText")}</p>
        <p>
          <Link href="/">{t("home")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t(landing.byCentre ? "kindCentre" : "kind")}</p>
      <RevealOnActivation token={token} label={t("reveal")} failed={t("failed")}>
        <h2>{scenario.landing.title}</h2>
        <LandingExplanation text={scenario.landing.explanation} />
        <MarkedMessage scenario={scenario} />
        <section className="section" aria-labelledby="module-hameconnage">
          <h2 id="module-hameconnage">{t("moduleTitle")}</h2>
          <p>{landing.assignModuleOnClick ? t("moduleAssigned") : t("moduleOffered")}</p>
          <p>
            <Link className="button" href={`/modules/${PHISHING_MODULE_ID}`}>
              {t("moduleLink")}
            </Link>
          </p>
        </section>
      </RevealOnActivation>
    </>
  );
}
