import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/load-actor";
import { CSV_BOM, csvLines } from "@/lib/csv/csv-lines";
import { getRegionReport } from "./get-region-report";
import { requireRecentAuth } from "@/lib/access/recent-auth";

/** Establishments per chunk written to the response. */
const CHUNK = 50;

export const regionCsvHeader = [
  "Établissement",
  "Groupe",
  "FINESS",
  "Apprenants inscrits",
  "Apprenants actifs (12 mois)",
  "Mois",
  "Modules terminés",
  "Certificats délivrés",
];

/** 2026-03 → 01/03/2026: the month's first day, as a French spreadsheet reads a date. */
export function monthCell(month: string): string {
  const [year, number] = month.split("-");

  return `01/${number}/${year}`;
}

/**
 * The region view as CSV text in chunks, for a French spreadsheet (";", CRLF, UTF-8 with BOM,
 * formula-safe cells, see csvLines): one line per establishment and month of the 12, zeros
 * included, establishments by name. Checks that the actor is a platform admin before the
 * first chunk, so that a refusal is an error and not a broken file.
 */
export async function regionCsv(db: Db, options: { actor: Actor; asOf: Date }): Promise<AsyncGenerator<string>> {
  const report = await getRegionReport(db, options);
  requireRecentAuth(options.actor);

  return (async function* () {
    yield CSV_BOM + csvLines([regionCsvHeader]);
    const cells = new Map(report.cells.map((c) => [`${c.establishmentId}:${c.month}`, c]));
    for (let start = 0; start < report.establishments.length; start += CHUNK) {
      const records = report.establishments.slice(start, start + CHUNK).flatMap((e) =>
        report.months.map(({ month }) => {
          const cell = cells.get(`${e.id}:${month}`);
          return [
            e.name,
            e.groupName ?? "",
            e.finess ?? "",
            String(e.enrolled),
            String(e.active),
            monthCell(month),
            String(cell?.completions ?? 0),
            String(cell?.certificates ?? 0),
          ];
        }),
      );
      yield csvLines(records);
    }
  })();
}
