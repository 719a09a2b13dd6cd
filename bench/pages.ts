// npm run bench:pages — views per second and latency of the catalogue and of a module step (each
// its prerendered shell and its state request as one view: what the learner's browser asks), served
// by the production build (`npm run build` first) to a signed-in learner, on the PostgreSQL that
// DATABASE_URL names, at 1, 8 and 32 connections for BENCH_SECONDS (default 20) each, plus the
// server's peak resident memory and the gzipped JavaScript a modern browser downloads for the
// module step (`module_js_kb_gz`, bench/support/page-js.ts).
// In the same run (BENCH_FLOOR=0 skips it), the framework's floor (bench/floor-app: an empty App
// Router page rendered per request) at 8 connections, so that `module_step_vs_floor` and
// `catalogue_vs_floor` compare figures from the same machine at the same moment.
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createUser } from "@/db/seed/factories";
import { openBenchDatabase, signIn, startServer } from "./support/bench-server";
import { FLOOR_PAGES, measureFloor } from "./support/floor";
import { pageJs } from "./support/page-js";
import { measurePages } from "./support/page-load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3212);
const WITH_FLOOR = process.env.BENCH_FLOOR !== "0";
// A module step as the learner's browser gets it: the prerendered shell, then its state request (one view).
const MODULE_STEP = "/modules/cles-usb?etape=recharger-et-perdre";
const PAGES = {
  // The catalogue's shell, then its state request (one view), as for the module step.
  catalogue: ["/modules", "/api/progress/catalogue"],
  module_step: [MODULE_STEP, "/api/progress/state?module=cles-usb&etape=recharger-et-perdre"],
} as const;

async function main() {
  const { databaseUrl, handle } = await openBenchDatabase();
  const { establishmentId } = await seedDemo(handle.db);
  const learner = await createUser(handle.db, { organisationId: establishmentId, password: DEMO_PASSWORD });
  await handle.close();

  // The floor first, on its own port, before Vigie's server starts: never two servers at once.
  const floor = WITH_FLOOR
    ? await measureFloor(PORT + 1, {
        seconds: SECONDS,
        pages: { app_router_dynamic: FLOOR_PAGES.app_router_dynamic },
        levels: [8],
      })
    : null;

  const server = await startServer(PORT, { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "20" });
  const cookie = await signIn(server.url, learner.email!, DEMO_PASSWORD);
  let results: Awaited<ReturnType<typeof measurePages>>;
  let moduleJs: Awaited<ReturnType<typeof pageJs>>;
  try {
    for (const path of Object.values(PAGES).flat()) {
      const check = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${path} answered ${check.status} to the signed-in learner`);
    }
    moduleJs = await pageJs(server.url, MODULE_STEP, { cookie });
    results = await measurePages(server.url, PAGES, { seconds: SECONDS, headers: { cookie } });
  } finally {
    await server.stop();
  }
  const floorRps = floor?.results.app_router_dynamic?.[8]?.rps;
  const ratio = (rps: number | undefined) =>
    floorRps && rps !== undefined ? Math.round((rps / floorRps) * 100) / 100 : undefined;
  console.log(
    JSON.stringify({
      ...results,
      peak_rss_mb: server.peakRssMb(),
      module_js_kb_gz: moduleJs.kb_gz,
      ...(floor && {
        floor_app_router_dynamic_8: floor.results.app_router_dynamic?.[8],
        floor_js_kb_gz: floor.jsKbGz,
        module_step_vs_floor: ratio(results.module_step?.[8]?.rps),
        catalogue_vs_floor: ratio(results.catalogue?.[8]?.rps),
      }),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
