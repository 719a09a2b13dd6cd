// Child of bench/reports.ts: exports one establishment's learner list as CSV in a fresh process
// (so that its peak RSS is the export's, not the seed's), prints {rows, ms, peak_rss_mb}.
import { createDb } from "@/db/client";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { learnersCsv } from "@/lib/reports/learners-csv";

async function main() {
  const [organisationId] = process.argv.slice(2);
  const handle = await createDb({ databaseUrl: process.env.DATABASE_URL!, poolMax: 2 });
  const catalogue = loadCatalogue();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  // Counting stands in for the response body: the chunks are dropped as soon as they are read.
  for await (const chunk of learnersCsv(handle.db, {
    organisationId: organisationId!,
    catalogue,
    asOf: new Date(),
    filters: {},
  })) {
    bytes += Buffer.byteLength(chunk);
    for (let i = chunk.indexOf("\r\n"); i !== -1; i = chunk.indexOf("\r\n", i + 2)) lines++;
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  await handle.close();
  console.log(JSON.stringify({ rows: lines - 1, ms, bytes, peak_rss_mb: Math.round(peak / 1_048_576) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
