import type { Db } from "@/db/client";
import { requireRecentAuth } from "@/lib/access/recent-auth";
import { CSV_BOM, csvLines } from "@/lib/csv/csv-lines";
import { type GetExerciseResultsOptions, getExerciseResults } from "./get-exercise-results";
import { MIN_SERVICE_SIZE, type ResultCounts, type ResultGroup, timeToFirstReport } from "./merge-small-services";

export const exerciseResultsCsvHeader = [
  "Service",
  "Messages envoyés",
  "Messages distribués",
  "Ouvertures automatiques",
  "Clics",
  "Taux de clic (%)",
  "Signalements",
  "Taux de signalement (%)",
  "Délai du premier signalement (minutes)",
  "Module suivi après le message",
  "Taux de module suivi (%)",
  "Clics suivis du module",
  "Module suivi parmi les clics (%)",
];

export const groupLabels = {
  noService: "Sans service",
  merged: `Autres services (moins de ${MIN_SERVICE_SIZE} personnes)`,
  mergedWithLarger: "Autres services regroupés",
  total: "Ensemble de l'exercice",
};

/** A share in percent with one decimal and a decimal comma (33,3), empty without a denominator. */
export function percentCell(count: number, of: number): string {
  return of === 0 ? "" : ((count / of) * 100).toFixed(1).replace(".", ",");
}

function label(group: ResultGroup | "total"): string {
  if (group === "total") return groupLabels.total;
  return group.kind === "service" ? group.name : groupLabels[group.kind];
}

function record(name: string, counts: ResultCounts): string[] {
  const delay = timeToFirstReport(counts);

  return [
    name,
    String(counts.sent),
    String(counts.delivered),
    String(counts.automaticOpens),
    String(counts.clicks),
    percentCell(counts.clicks, counts.delivered),
    String(counts.reports),
    percentCell(counts.reports, counts.delivered),
    delay === null ? "" : String(Math.round(delay / 60_000)),
    String(counts.moduleCompleted),
    percentCell(counts.moduleCompleted, counts.delivered),
    String(counts.clickedThenModule),
    percentCell(counts.clickedThenModule, counts.clicks),
  ];
}

/**
 * An exercise's results by service as CSV text for a French spreadsheet (csvLines: ";", CRLF,
 * formula-safe cells; UTF-8 with BOM): the rows the page shows (services of fewer than five
 * people merged), then the total. Rates are of the messages delivered (of the clicks, for the
 * module after a click). The scope is checked, then a recent proof of identity, before the
 * first chunk, so that a refusal is an error and not a broken file.
 */
export async function exerciseResultsCsv(db: Db, options: GetExerciseResultsOptions): Promise<AsyncGenerator<string>> {
  const results = await getExerciseResults(db, options);
  requireRecentAuth(options.actor);

  return (async function* () {
    yield CSV_BOM + csvLines([exerciseResultsCsvHeader]);
    yield csvLines([
      ...results.rows.map((row) => record(label(row.group), row)),
      record(label("total"), results.total),
    ]);
  })();
}
