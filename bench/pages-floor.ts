// npm run bench:pages-floor — what the framework itself serves on this machine, before Vigie does
// anything: requests per second and latency of an empty App Router page rendered on each request,
// the same page prerendered, the same page in the Pages Router, and a Pages Router API route, all
// behind the same proxy.ts as Vigie (bench/floor-app/README.md), at 1, 8 and 32 connections for
// BENCH_SECONDS (default 10) each. Last line: one JSON object, shaped like bench:pages.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startServer } from "./support/bench-server";
import { measurePages } from "./support/page-load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3213);
const PAGES = {
  app_router_dynamic: "/dynamic",
  app_router_static: "/static",
  pages_router_ssr: "/ssr",
  pages_api_route: "/api/health",
} as const;
const root = path.join(__dirname, "..");
const app = path.join("bench", "floor-app");

async function main() {
  console.log("Building bench/floor-app…");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build", app], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const server = await startServer(PORT, {}, { dir: app });
  // Vigie's pages are asked for with its session cookie: the same size of request here.
  const cookie = `authjs.session-token=${"x".repeat(600)}`;
  let results: Awaited<ReturnType<typeof measurePages>>;
  try {
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
