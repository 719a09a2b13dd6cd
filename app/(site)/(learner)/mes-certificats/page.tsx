import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { FormOutcome } from "@/app/_components/form-feedback";
import { getDb } from "@/db/client";
import { requireLearner } from "@/lib/auth/guards";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { reissueCertificateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates"))("title") };
}

type Props = { searchParams: Promise<{ reedite?: string; reedition?: string }> };

export default async function MyCertificatesPage({ searchParams }: Props) {
  const [{ actor, membership }, { reedite, reedition }] = await Promise.all([
    requireLearner("/mes-certificats"),
    searchParams,
  ]);
  const [{ db }, t, format] = await Promise.all([getDb(), getTranslations("certificates"), getFormatter()]);
  // Current certificates only: one replaced by a re-issue is no longer offered (its PDF leads to the replacement).
  const list = await issueCertificates(db, {
    learner: { userId: actor.userId, organisationId: membership.organisationId },
    catalogue: getCatalogue(),
  });
  const date = (value: Date) => format.dateTime(value, { day: "numeric", month: "long", year: "numeric" });
  const reissued = reedite ? list.find((certificate) => certificate.id === reedite) : undefined;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <FormOutcome
        ok={Boolean(reissued)}
        message={
          reissued
            ? t("reissued", { title: reissued.subjectTitle })
            : reedition === "refusee"
              ? t("reissueRefused")
              : undefined
        }
      />
      {list.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="certificate-list">
          {list.map((certificate) => (
            <li key={certificate.id} className="card">
              <p className="step__kind">{t(`subject.${certificate.subjectType}`)}</p>
              <h2>{certificate.subjectTitle}</h2>
              <p>{t("completedOn", { date: date(certificate.completedAt) })}</p>
              <p className="certificate-code">{t("code", { code: certificate.code })}</p>
              {certificate.revokedAt && (
                <p className="field-error">{t("revoked", { date: date(certificate.revokedAt) })}</p>
              )}
              <p className="hero__actions">
                <a className="button" href={`/api/certificats/${certificate.code}/pdf`} download>
                  {t(certificate.revokedAt ? "downloadRevoked" : "download")}
                  <span className="visually-hidden"> — {certificate.subjectTitle}</span>
                </a>
                <a className="button button--quiet" href={`/certificat/${certificate.code}`}>
                  {t("verify")}
                  <span className="visually-hidden"> — {certificate.subjectTitle}</span>
                </a>
              </p>
              {!certificate.revokedAt && certificate.learnerName !== actor.name && (
                <form action={reissueCertificateAction} className="callout">
                  <h3>{t("reissueTitle")}</h3>
                  <p>{t("reissueBody", { name: certificate.learnerName })}</p>
                  <input type="hidden" name="certificateId" value={certificate.id} />
                  <button type="submit" className="button">
                    {t("reissue")}
                    <span className="visually-hidden"> — {certificate.subjectTitle}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
