import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "@/lib/read-model/assignment-targets";
import { type LearnerFilters, learnerWhere } from "./learner-filters";
import { type LearnerRow, learnerRowColumns, learnerStatusCtes, toLearnerRow } from "@/lib/read-model/learner-statuses";
import { int, selectRows, textOrNull } from "@/lib/read-model/sql-rows";
import { CSV_BOM, csvDate, csvLines } from "@/lib/csv/csv-lines";
import type { LearnerStatus } from "@/lib/assignments/assignment-status";

/** Learners per query: a few hundred kilobytes of text at a time, whatever the establishment's size. */
export const CSV_BATCH = 4_000;
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
  yield CSV_BOM + csvLines([csvHeader]);

  let after: { name: string; userId: string } | null = null;
  for (;;) {
    const ctes = learnerStatusCtes({
      organisationId: options.organisationId,
      targets,
      where: learnerWhere(filters),
      after,
      limit: batchSize,
    });
    // One row per learner of the batch after its status filter, each carrying the batch's last
    // learner and size; a batch that the filter empties still gives one row, with no learner.
    const raw = await selectRows(
      db,
      sql`${ctes}, last as (select name, user_id, count(*) over () as n from learners order by lower(name) desc, user_id desc limit 1)
        select ${learnerRowColumns},
          last.name as batch_last_name, last.user_id as batch_last_id, last.n::int as batch_size
        from last left join per_learner pl on true ${statusFilter}
        left join teams t on t.id = pl.team_id
            order by lower(pl.name), pl.user_id`,
      (row) => ({
        learner: row.user_id === null ? null : toLearnerRow(row),
        batchLastName: textOrNull(row, "batch_last_name"),
        batchLastId: textOrNull(row, "batch_last_id"),
        batchSize: int(row, "batch_size"),
      }),
    );
    const rows = raw.flatMap((row) => (row.learner ? [row.learner] : []));
    if (rows.length > 0) yield csvLines(rows.map(record));
    const last = raw[0];
    if (!last?.batchLastId || last.batchSize < batchSize) return;
    after = { name: last.batchLastName ?? "", userId: last.batchLastId };
  }
}
