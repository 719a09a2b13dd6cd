import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

// Per client, and for everyone together (a forged X-Forwarded-For must not lift the limit).
const PER_CLIENT = { limit: 30, windowSeconds: 60 };
const GLOBAL = { limit: 1_200, windowSeconds: 60 };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("certificates.verification");

  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function VerifyCertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const [{ code }, { db }, requestHeaders, t, format] = await Promise.all([params, getDb(), headers(), getTranslations("certificates.verification"), getFormatter()]);
  const address = clientAddress(requestHeaders, env().TRUST_PROXY_HOPS);
  const [client, everyone] = await Promise.all([
    consumeRateLimit(db, { key: `verify:${address}`, ...PER_CLIENT }),
    consumeRateLimit(db, { key: "verify:*", ...GLOBAL }),
  ]);
  if (!client.allowed || !everyone.allowed) {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p className="verdict verdict--not_found" role="alert">{t("rateLimited")}</p>
      </div>
    );
  }
  const check = await verifyCertificate(db, decodeURIComponent(code));
  const date = (value: Date) => format.dateTime(value, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <div className={`verdict verdict--${check.status}`}>
        <h2>{t(check.status === "valid" ? "valid" : check.status === "revoked" ? "revoked" : "notFound")}</h2>
        <p>
          {check.status === "valid" && t("validBody")}
          {check.status === "revoked" && t("revokedBody", { date: date(check.revokedAt!) })}
          {check.status === "not_found" && t("notFoundBody")}
        </p>
        {check.status === "revoked" && check.publicReason && <p>{t("revokedReason", { reason: check.publicReason })}</p>}
      </div>
      {check.status !== "not_found" && (
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
      )}
    </div>
  );
}
