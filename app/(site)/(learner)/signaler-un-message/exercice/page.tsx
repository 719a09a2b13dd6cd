import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guards";
import { getReportedMessage } from "@/lib/phishing/get-reported-message";
import { getPhishingScenario } from "@/lib/phishing/scenarios";
import { LandingExplanation } from "@/app/_components/phishing/landing-explanation";
import { MarkedMessage } from "@/app/_components/phishing/marked-message";

type Props = { searchParams: Promise<{ message?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("suspectReport.exercise"))("title"), robots: { index: false } };
}

/** After a person reported their own exercise message: well done, and the clues they could see. */
export default async function ReportedExercisePage({ searchParams }: Props) {
  const { message } = await searchParams;
  const returnTo = `/signaler-un-message/exercice?message=${encodeURIComponent(String(message ?? ""))}`;
  const [actor, { db }, t] = await Promise.all([
    requireActor(returnTo),
    getDb(),
    getTranslations("suspectReport.exercise"),
  ]);
  const reported =
    typeof message === "string" ? await getReportedMessage(db, { userId: actor.userId, recipientId: message }) : null;
  const scenario = reported ? getPhishingScenario(reported.scenarioId) : undefined;
  if (!scenario) notFound();

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{scenario.landing.title}</h2>
      <LandingExplanation text={scenario.landing.explanation} />
      <p>{t("clues")}</p>
      <MarkedMessage scenario={scenario} />
      <p>
        <Link href="/signaler-un-message">{t("another")}</Link>
      </p>
    </>
  );
}
