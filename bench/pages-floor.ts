// npm run bench:pages-floor — what the framework itself serves on this machine, before Vigie does
// anything: requests per second and latency of an empty App Router page rendered on each request,
// the same page prerendered, the same page in the Pages Router, and a Pages Router API route, all
// behind the same proxy.ts as Vigie (bench/floor-app/README.md), at 1, 8 and 32 connections for
// BENCH_SECONDS (default 10) each. Last line: one JSON object, shaped like bench:pages, with the
// gzipped JavaScript of the empty dynamic page (`js_kb_gz`).
import { measureFloor } from "./support/floor";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3213);

async function main() {
  const { results, jsKbGz, peakRssMb } = await measureFloor(PORT, { seconds: SECONDS });
  console.log(JSON.stringify({ ...results, js_kb_gz: jsKbGz, peak_rss_mb: peakRssMb }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
