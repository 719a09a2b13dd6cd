import type { CertificatePdfData } from "@/lib/certificates/render-certificate-pdf";

/** A typical certificate: a Vietnamese family name, a French module and establishment. */
export const typicalCertificate: CertificatePdfData = {
  learnerName: "Françoise Lefèvre-Nguyễn",
  subjectTitle: "Attention aux clés USB",
  subjectKind: "module",
  subjectVersion: 3,
  organisationName: "Centre hospitalier de Saint-Étienne",
  completedAt: new Date("2026-11-29T10:00:00Z"),
  durationMinutes: 7,
  code: "K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
  verificationUrl: "https://vigie.example.org/certificat/K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
  issuedAt: new Date("2026-11-29T10:05:00Z"),
};
