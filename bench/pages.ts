// npm run bench:pages — requests per second and latency of the catalogue and of a module step
// page, served by the production build (`npm run build` first) to a signed-in learner, on the
// PostgreSQL that DATABASE_URL names, at 1, 8 and 32 connections for BENCH_SECONDS (default 20)
// each, plus the server's peak resident memory.
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createUser } from "@/db/seed/factories";
import { ensureBuild, signIn, startServer } from "./support/bench-server";

const LEVELS = [1, 8, 32] as const;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3212);
const PAGES = { catalogue: "/modules", module_step: "/modules/cles-usb?etape=recharger-et-perdre" } as const;

type Figures = { rps: number; p50_ms: number; p95_ms: number };

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL database (the bench writes to it).");
  ensureBuild();
  const handle = await createDb({ databaseUrl });
  await migrateDb(handle);
  const { establishmentId } = await seedDemo(handle.db);
  const learner = await createUser(handle.db, { organisationId: establishmentId, password: DEMO_PASSWORD });
  await handle.close();

  const server = await startServer(PORT, { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "20" });
  const cookie = await signIn(server.url, learner.email!, DEMO_PASSWORD);
  const results: Record<string, Record<string, Figures>> = {};
  try {
    for (const [name, path] of Object.entries(PAGES)) {
      results[name] = {};
      const check = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${path} answered ${check.status} to the signed-in learner`);
      for (const connections of LEVELS) {
        // Our own latency histogram, so that p95 is read exactly (autocannon reports p90 and p97.5).
        const latencies = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 10_000, numberOfSignificantValueDigits: 3 });
        const run = await autocannon({ url: server.url + path, connections, duration: SECONDS, headers: { cookie }, histograms: { latencies } } as autocannon.Options);
        if (run.non2xx > 0 || run.errors > 0) throw new Error(`${path}: ${run.non2xx} non-2xx and ${run.errors} errors`);
        const figures = { rps: Math.round(run.requests.average), p50_ms: run.latency.p50, p95_ms: latencies.getValueAtPercentile(95) };
        results[name][connections] = figures;
        console.log(`${name} at ${connections} connection(s): ${figures.rps} req/s, p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`);
      }
    }
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify({ ...results, peak_rss_mb: server.peakRssMb() }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
