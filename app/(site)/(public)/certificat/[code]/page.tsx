import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("certificates.verification");

  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

// Each look-up is counted per client address by proxy.ts (429 past the limit) before it gets here.
export default async function VerifyCertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const [{ code }, { db }, t, format] = await Promise.all([
    params,
    getDb(),
    getTranslations("certificates.verification"),
    getFormatter(),
  ]);
  // Next.js has already decoded the segment: an unknown or malformed code is the same 404.
  const check = await verifyCertificate(db, code);
  if (check.status === "not_found") notFound();
  const date = (value: Date) =>
    format.dateTime(value, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <div className={`verdict verdict--${check.status}`}>
        <h2>{t(check.status)}</h2>
        <p>
          {check.status === "valid" && t("validBody")}
          {check.status === "revoked" && t("revokedBody", { date: date(check.revokedAt!) })}
          {check.status === "replaced" && t("replacedBody", { date: date(check.replacedAt!) })}
        </p>
        {check.status === "revoked" && check.publicReason && (
          <p>{t("revokedReason", { reason: check.publicReason })}</p>
        )}
        {check.status === "replaced" && check.replacementCode && (
          <p>
            <a href={`/certificat/${check.replacementCode}`}>{t("replacement")}</a>
          </p>
        )}
      </div>
      <dl className="facts">
        <dt>{t("learner")}</dt>
        <dd>{check.learnerName}</dd>
        <dt>{t(check.subjectType === "path" ? "subjectPath" : "subjectModule")}</dt>
        <dd>{check.subjectTitle}</dd>
        <dt>{t("organisation")}</dt>
        <dd>{check.organisationName}</dd>
        <dt>{t("completedAt")}</dt>
        <dd>{date(check.completedAt)}</dd>
      </dl>
    </div>
  );
}
