import type { Certificate } from "@/db/schema";
import { renderCertificatePdf } from "./render-certificate-pdf";

/** The public page where anyone checks a certificate. */
export function verificationUrl(baseUrl: string, code: string): string {
  return new URL(`/certificat/${code}`, baseUrl).toString();
}

/** The PDF of an issued certificate: the same content every time it is downloaded. */
export function certificatePdf(
  certificate: Certificate,
  baseUrl: string,
  locale: "fr" | "en" = "fr",
): Promise<Uint8Array> {
  return renderCertificatePdf({
    learnerName: certificate.learnerName,
    subjectTitle: certificate.subjectTitle,
    subjectKind: certificate.subjectType,
    subjectVersion: certificate.subjectVersion,
    organisationName: certificate.organisationName,
    completedAt: certificate.completedAt,
    durationMinutes: certificate.durationMinutes,
    code: certificate.code,
    verificationUrl: verificationUrl(baseUrl, certificate.code),
    issuedAt: certificate.issuedAt,
    revokedAt: certificate.revokedAt,
    locale,
  });
}
