// npm run bench:reports — the manager's reports on the 41,500-learner data set (db:seed:scale),
// in the PostgreSQL that DATABASE_URL names: server-side medians, for the largest establishment,
// of the dashboard (figures, breakdowns, trend, most-missed questions), the first page of the
// learner list (default sort, and filtered on "late" and sorted by activity), and of the full CSV
// export in a fresh process with its peak memory, and of the platform admin's region view (every
// establishment of the centre, per month). Last line: one JSON object (the keys first,
// then the parts: figures alone, most-missed questions alone, the dashboard right after a
// learner's progress write (its kept figures counted again), the dashboard when its counted quiz
// answers must be counted again, every part counted as without dashboard_cache, the filtered list, and the load average at the end).
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedScale } from "@/db/seed/scale";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { getRegionReport } from "@/lib/region/get-region-report";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { int, selectRows, text } from "@/lib/read-model/sql-rows";
import { listLearners } from "@/lib/reports/list-learners";
import { mostMissedQuestions } from "@/lib/reports/most-missed-questions";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 41_500);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CSV_RUNS = Number(process.env.BENCH_CSV_RUNS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

async function timed(runs: number, task: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number> {
  if (!before) await task();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await before?.();
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }

  return median(times);
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL database (the bench seeds it).");
  const handle = await createDb({ databaseUrl });
  await migrateDb(handle);
  const catalogue = loadCatalogue();
  const seeded = await seedScale(handle.db, { learners: LEARNERS, catalogue, log: console.log });
  // What autovacuum does within a minute of a bulk load: statistics, and the visibility map that
  // lets the trend count completions from its index alone.
  await handle.db.execute(sql`vacuum analyze`);
  const [largest] = await selectRows(
    handle.db,
    sql`select o.id, o.name, count(*)::int as learners from organisations o join memberships m on m.organisation_id = o.id and m.role = 'learner'
      where o.slug like 'scale-%' group by o.id, o.name order by 3 desc limit 1`,
    (row) => ({ id: text(row, "id"), name: text(row, "name"), learners: int(row, "learners") }),
  );
  const [total] = await selectRows(
    handle.db,
    sql`select count(*)::int as total from memberships m join organisations o on o.id = m.organisation_id where o.slug like 'scale-%' and m.role = 'learner'`,
    (row) => int(row, "total"),
  );
  console.log(
    `data set: ${total} learners${seeded.skipped ? " (already seeded)" : ""}; largest establishment: ${largest!.name}, ${largest!.learners} learners`,
  );
  const teams = await selectRows(
    handle.db,
    sql`select id, name from teams where organisation_id = ${largest!.id}::uuid`,
    (row) => ({ id: text(row, "id"), name: text(row, "name") }),
  );
  const organisationId = largest!.id;
  const asOf = new Date();

  // What the dashboard page reads, side by side.
  const dashboardView = () =>
    Promise.all([
      getDashboard(handle.db, { organisationId, catalogue, asOf, teams }),
      mostMissedQuestions(handle.db, { organisationId, catalogue, asOf }),
    ]);
  const dashboard = await timed(RUNS, dashboardView);
  const figuresOnly = await timed(RUNS, () => getDashboard(handle.db, { organisationId, catalogue, asOf, teams }));
  const missed = await timed(RUNS, () => mostMissedQuestions(handle.db, { organisationId, catalogue, asOf }));
  // The worst case: the dashboard right after the establishment's counted quiz answers were thrown
  // away (an old event imported, a learner deleted), when its closed days are counted again.
  const recount: number[] = [];
  for (let run = 0; run < Math.max(3, Math.floor(RUNS / 3)); run++) {
    await handle.db.execute(
      sql`update quiz_answer_coverage set closed_before = null where organisation_id = ${organisationId}::uuid`,
    );
    await handle.db.execute(sql`delete from quiz_answer_days where organisation_id = ${organisationId}::uuid`);
    const start = performance.now();
    await dashboardView();
    recount.push(performance.now() - start);
  }
  const dashboardRecount = median(recount);
  // The dashboard as it would be without dashboard_cache: every part counted on every view (the
  // cache's rows deleted before each run; keeping them again is a small extra write).
  const withoutCache = await timed(RUNS, dashboardView, () =>
    handle.db.execute(sql`delete from dashboard_cache where organisation_id = ${organisationId}::uuid`),
  );
  // The dashboard right after a learner's progress write, which makes its kept figures stale
  // (db/read-model/4-dashboard-cache.sql): counted again from the memberships, as on every view of a busy morning.
  const [writer] = await selectRows(
    handle.db,
    sql`select user_id, module_id from module_progress where organisation_id = ${organisationId}::uuid order by user_id, module_id limit 1`,
    (row) => ({ user_id: text(row, "user_id"), module_id: text(row, "module_id") }),
  );
  const dashboardAfterWrite = await timed(RUNS, dashboardView, () =>
    handle.db.execute(
      sql`update module_progress set time_spent_seconds = time_spent_seconds + 1, last_activity_at = now() where user_id = ${writer!.user_id}::uuid and module_id = ${writer!.module_id}`,
    ),
  );
  // The same right after a completion (moved by a millisecond): the past months are counted again too.
  const dashboardAfterCompletion = await timed(RUNS, dashboardView, () =>
    handle.db
      .execute(sql`update module_progress set completed_at = completed_at + interval '1 millisecond' where organisation_id = ${organisationId}::uuid and user_id = (
      select user_id from module_progress where organisation_id = ${organisationId}::uuid and completed_at < date_trunc('month', now()) order by user_id, module_id limit 1)`),
  );
  const list = await timed(RUNS, () =>
    listLearners(handle.db, { organisationId, catalogue, asOf, filters: learnerFiltersSchema.parse({}) }),
  );
  const listLate = await timed(RUNS, () =>
    listLearners(handle.db, {
      organisationId,
      catalogue,
      asOf,
      filters: learnerFiltersSchema.parse({ statut: "late", tri: "activity", ordre: "desc", page: "3" }),
    }),
  );
  const [admin] = await selectRows(
    handle.db,
    sql`select m.user_id from memberships m join organisations o on o.id = m.organisation_id where m.role = 'admin' and o.kind = 'centre' and exists (select 1 from organisations e where e.parent_id = o.id and e.slug like 'scale-%') limit 1`,
    (row) => ({ user_id: text(row, "user_id") }),
  );
  const adminActor = (await loadActor(handle.db, admin!.user_id))!;
  const region = await timed(RUNS, () => getRegionReport(handle.db, { actor: adminActor, asOf }));
  await handle.close();

  const csvRuns = Array.from({ length: CSV_RUNS }, () => {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "reports-csv-child.ts"), organisationId],
      { env: process.env, encoding: "utf8" },
    );
    return JSON.parse(out.trim().split("\n").at(-1)!) as {
      rows: number;
      ms: number;
      bytes: number;
      peak_rss_mb: number;
    };
  });
  const csv = csvRuns.sort((a, b) => a.ms - b.ms)[Math.floor(csvRuns.length / 2)]!;

  console.log(
    `dashboard (figures + most-missed questions): median ${round(dashboard)} ms of ${RUNS} (figures ${round(figuresOnly)} ms, questions ${round(missed)} ms)`,
  );
  console.log(
    `dashboard right after a learner's progress write (figures counted again): median ${round(dashboardAfterWrite)} ms of ${RUNS}; after a completion (past months too): ${round(dashboardAfterCompletion)} ms`,
  );
  console.log(
    `dashboard with every part counted again (as without dashboard_cache): median ${round(withoutCache)} ms of ${RUNS}`,
  );
  console.log(
    `dashboard right after its counted quiz answers were thrown away (counted again): median ${round(dashboardRecount)} ms of ${recount.length}`,
  );
  console.log(
    `learner list, first page: median ${round(list)} ms; late, by last activity, page 3: ${round(listLate)} ms`,
  );
  console.log(`region view (${total} learners, every establishment, 12 months): median ${round(region)} ms`);
  console.log(
    `CSV export: ${csv.rows} rows, ${(csv.bytes / 1024).toFixed(0)} KiB, median ${round(csv.ms)} ms of ${CSV_RUNS} fresh processes, peak RSS ${csv.peak_rss_mb} MB`,
  );
  console.log(
    JSON.stringify({
      learners: total,
      dashboard_ms: round(dashboard),
      learner_list_ms: round(list),
      csv_rows: csv.rows,
      csv_ms: round(csv.ms),
      csv_peak_rss_mb: csv.peak_rss_mb,
      region_ms: round(region),
      dashboard_figures_ms: round(figuresOnly),
      most_missed_ms: round(missed),
      dashboard_after_write_ms: round(dashboardAfterWrite),
      dashboard_after_completion_ms: round(dashboardAfterCompletion),
      dashboard_recount_ms: round(dashboardRecount),
      dashboard_without_cache_ms: round(withoutCache),
      learner_list_late_ms: round(listLate),
      load_average: os.loadavg().map((l) => Math.round(l * 10) / 10),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
