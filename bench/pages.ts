// npm run bench:pages — requests per second and latency of the catalogue and of a module step
// page, served by the production build (`npm run build` first) to a signed-in learner, on the
// PostgreSQL that DATABASE_URL names, at 1, 8 and 32 connections for BENCH_SECONDS (default 20)
// each, plus the server's peak resident memory.
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createUser } from "@/db/seed/factories";
import { ensureBuild, signIn, startServer } from "./support/bench-server";
import { measurePages } from "./support/page-load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3212);
const PAGES = { catalogue: "/modules", module_step: "/modules/cles-usb?etape=recharger-et-perdre" } as const;

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
  let results: Awaited<ReturnType<typeof measurePages>>;
  try {
    for (const path of Object.values(PAGES)) {
      const check = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${path} answered ${check.status} to the signed-in learner`);
    }
    results = await measurePages(server.url, PAGES, { seconds: SECONDS, headers: { cookie } });
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify({ ...results, peak_rss_mb: server.peakRssMb() }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
