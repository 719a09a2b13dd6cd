import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { CSV_BOM, csvDate, csvLines } from "@/lib/csv/csv-lines";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { certificatePdf, verificationUrl } from "./certificate-pdf";
import { type ArchiveFilters, type ArchivedCertificate, archivedCertificates } from "./certificates-archive-query";
import { safeFileName } from "./safe-file-name";
import { requireRecentAuth } from "@/lib/access/recent-auth";

export const INDEX_FILE = "index-certificats.csv";
export const indexHeader = [
  "Titulaire",
  "Module ou parcours",
  "Type",
  "Version",
  "Date d'obtention",
  "Code de vérification",
  "URL de vérification",
  "Révoqué",
  "Date de révocation",
  "Motif de révocation",
  "Fichier PDF",
];

export function pdfFileName(certificate: ArchivedCertificate): string {
  return safeFileName([certificate.learnerName, certificate.subjectId, certificate.code], "pdf");
}

function indexRecord(certificate: ArchivedCertificate, baseUrl: string): string[] {
  return [
    certificate.learnerName,
    certificate.subjectTitle,
    certificate.subjectType === "path" ? "Parcours" : "Module",
    String(certificate.subjectVersion),
    csvDate(certificate.completedAt),
    certificate.code,
    verificationUrl(baseUrl, certificate.code),
    certificate.revokedAt ? "Oui" : "Non",
    csvDate(certificate.revokedAt),
    certificate.revokedReason ?? "",
    pdfFileName(certificate),
  ];
}

export type CertificatesArchiveOptions = {
  actor: Actor;
  organisationId: string;
  filters: ArchiveFilters;
  baseUrl: string;
  asOf: Date;
};

/**
 * A ZIP of an establishment's certificates for an audit: an index (CSV for a French spreadsheet,
 * formulas neutralised) and one PDF per certificate, drawn as the holder's own download. The
 * stream renders the next PDF only when the reader asks for more, so memory stays flat. Anyone
 * but the establishment's managers and platform admins gets not_found before anything is read.
 */
export async function certificatesArchive(
  db: Db,
  options: CertificatesArchiveOptions,
): Promise<{ establishmentId: string; stream: ReadableStream<Uint8Array> }> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  requireRecentAuth(options.actor);
  await recordAudit(db, {
    action: "certificates.exported",
    actorUserId: options.actor.userId,
    organisationId: establishment.id,
    targetType: "organisation",
    targetId: establishment.id,
    details: { ...options.filters },
  });
  const query = { organisationId: establishment.id, filters: options.filters, asOf: options.asOf };

  return { establishmentId: establishment.id, stream: zipStream(entries(db, query, options.baseUrl)) };
}

type Query = Parameters<typeof archivedCertificates>[1];

/** Adds the files to the ZIP one at a time, yielding after each step so that the reader sets the pace. */
async function* entries(db: Db, query: Query, baseUrl: string): AsyncGenerator<(zip: Zip) => void> {
  const index = new ZipDeflate(INDEX_FILE, { level: 6 });
  index.mtime = query.asOf;
  yield (zip) => {
    zip.add(index);
    index.push(new TextEncoder().encode(CSV_BOM + csvLines([indexHeader])));
  };
  for await (const batch of archivedCertificates(db, query)) {
    const lines = new TextEncoder().encode(csvLines(batch.map((c) => indexRecord(c, baseUrl))));
    yield () => index.push(lines);
  }
  yield () => index.push(new Uint8Array(0), true);

  for await (const batch of archivedCertificates(db, query)) {
    for (const certificate of batch) {
      const pdf = await certificatePdf(certificate, baseUrl, certificate.locale);
      // PDFs are already compressed: stored as they are, which costs no CPU.
      const file = new ZipPassThrough(pdfFileName(certificate));
      file.mtime = certificate.issuedAt;
      yield (zip) => {
        zip.add(file);
        file.push(pdf, true);
      };
    }
  }
}

/** A byte stream of the ZIP that fflate writes as the steps run. */
function zipStream(steps: AsyncGenerator<(zip: Zip) => void>): ReadableStream<Uint8Array> {
  const ready: Uint8Array[] = [];
  let finished = false;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else ready.push(chunk);
    if (final) finished = true;
  });

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (ready.length === 0 && !finished) {
        const next = await steps.next();
        if (next.done) zip.end();
        else next.value(zip);
        if (failure) throw failure;
      }
      while (ready.length > 0) controller.enqueue(ready.shift()!);
      if (finished) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}
