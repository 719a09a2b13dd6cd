import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireLearner } from "@/lib/auth/guards";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import { getCatalogue } from "@/lib/courses/get-catalogue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates"))("title") };
}

export default async function MyCertificatesPage() {
  const { actor, membership } = await requireLearner("/mes-certificats");
  const [{ db }, t, format] = await Promise.all([getDb(), getTranslations("certificates"), getFormatter()]);
  const list = await issueCertificates(db, { learner: { userId: actor.userId, organisationId: membership.organisationId }, catalogue: getCatalogue() });
  const date = (value: Date) => format.dateTime(value, { day: "numeric", month: "long", year: "numeric" });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
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
              {certificate.revokedAt && <p className="field-error">{t("revoked", { date: date(certificate.revokedAt) })}</p>}
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
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
