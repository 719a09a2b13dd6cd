import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "./assignment-targets";
import { type LearnerFilters, learnerWhere } from "./learner-filters";
import { learnerStatusCtes, rowsOf } from "./learner-status-sql";
import { type LearnerRow, toLearnerRow } from "./list-learners";
import type { LearnerStatus } from "./status";

/** Learners per query: a few hundred kilobytes of text at a time, whatever the establishment's size. */
export const CSV_BATCH = 4_000;
const BOM = "\uFEFF";

export const csvHeader = [
  "Nom",
  "E-mail",
  "Équipe",
  "Statut",
  "Affectations terminées",
  "Affectations",
  "Modules terminés",
  "Dernière activité",
  "Temps passé (minutes)",
];

const statusLabel: Record<LearnerStatus, string> = {
  late: "En retard",
  not_started: "Non commencé",
  in_progress: "En cours",
  done: "Terminé",
};

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it.
const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** dd/mm/yyyy in the Europe/Paris calendar. */
export function csvDate(value: Date | null): string {
  return value ? dayFormat.format(value) : "";
}

/**
 * CSV lines for a spreadsheet opened in French: ";" separator, CRLF, quotes doubled, and a cell
 * starting with = + - @ tab or CR prefixed with ' so that it is never run as a formula
 * (csv-stringify's escape_formulas; OWASP "CSV injection").
 */
export function csvLines(records: string[][]): string {
  return stringify(records, { delimiter: ";", record_delimiter: "\r\n", escape_formulas: true });
}

function record(row: LearnerRow): string[] {
  return [
    row.name,
    row.email ?? "",
    row.teamName ?? "",
    row.status ? statusLabel[row.status] : "Aucune affectation",
    String(row.doneCount),
    String(row.assignedCount),
    String(row.completedModules),
    csvDate(row.lastActivityAt),
    String(Math.round(row.timeSpentSeconds / 60)),
  ];
}

export type LearnersCsvOptions = {
  organisationId: string;
  catalogue: Catalogue;
  asOf: Date;
  filters: LearnerFilters;
  batchSize?: number;
};

/**
 * The learner list as filtered, as CSV text in chunks: a BOM and the header, then one chunk per
 * batch of CSV_BATCH learners read by keyset (name, id), so that memory stays flat whatever the
 * establishment's size. Sorted by name.
 */
export async function* learnersCsv(db: Db, options: LearnersCsvOptions): AsyncGenerator<string> {
  const { filters } = options;
  const batchSize = options.batchSize ?? CSV_BATCH;
  const allTargets = await loadAssignmentTargets(db, options);
  const targets = filters.affectation ? allTargets.filter((t) => t.id === filters.affectation) : allTargets;
  const statusFilter = filters.statut
    ? sql`and pl.status = ${filters.statut}`
    : filters.affectation
      ? sql`and pl.status is not null`
      : sql``;
  yield BOM + csvLines([csvHeader]);

  let after: { name: string; userId: string } | null = null;
  for (;;) {
    const ctes = learnerStatusCtes({
      organisationId: options.organisationId,
      targets,
      where: learnerWhere(filters),
      after,
      limit: batchSize,
    });
    const raw = rowsOf<
      Parameters<typeof toLearnerRow>[0] & {
        batch_last_name: string | null;
        batch_last_id: string | null;
        batch_size: number;
      }
    >(
      await db.execute(sql`${ctes}, last as (select name, user_id, count(*) over () as n from learners order by lower(name) desc, user_id desc limit 1)
        select pl.user_id, pl.name, pl.email, t.name as team_name, pl.status, pl.assigned_count, pl.done_count, pl.completed_modules, pl.last_activity_at, pl.time_spent_seconds::int as time_spent_seconds,
          last.name as batch_last_name, last.user_id as batch_last_id, last.n::int as batch_size
        from last left join per_learner pl on true ${statusFilter}
        left join teams t on t.id = pl.team_id
            order by lower(pl.name), pl.user_id`),
    );
    const rows = raw.filter((row) => row.user_id);
    if (rows.length > 0) yield csvLines(rows.map((row) => record(toLearnerRow(row))));
    const last = raw[0];
    if (!last?.batch_last_id || last.batch_size < batchSize) return;
    after = { name: last.batch_last_name ?? "", userId: last.batch_last_id };
  }
}
