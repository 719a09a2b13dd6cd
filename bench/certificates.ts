/*
 * Certificate PDF benchmark (`npm run bench:certificates`).
 * cold: median over fresh processes of the first render, font loading included;
 * warm: median of 500 renders after 20 warm-ups in this process (varied names and codes);
 * per_s: warm renders per second; bytes: size of the typical certificate.
 * The last line printed is one JSON object, for scripts.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { renderCertificatePdf, type CertificatePdfData } from "../lib/certificates/render-certificate-pdf";
import { typicalCertificate } from "../tests/support/certificate-data";

const COLD_RUNS = 5;
const WARM_UPS = 20;
const WARM_RUNS = 500;
const NAMES = [
  "Françoise Lefèvre-Nguyễn",
  "Zoë Œuvray",
  "Ōtake Ŵilliam",
  "Ærøskøbing-Ðorđević",
  "Анна Каренина",
  "Jean Martin",
];
const CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

const typical = typicalCertificate;

/** A different, deterministic 26-character base32 code per run. */
function codeFor(run: number): string {
  let seed = run + 1;
  return Array.from({ length: 26 }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return CODE_ALPHABET[seed % 32];
  }).join("");
}

function variant(run: number): CertificatePdfData {
  const code = codeFor(run);
  const learnerName = NAMES[run % NAMES.length] ?? typical.learnerName;

  return { ...typical, learnerName, code, verificationUrl: `https://vigie.example.org/certificat/${code}` };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measureCold(): { firstMs: number[]; importMs: number[] } {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const script = path.join(process.cwd(), "bench", "certificates-cold.ts");
  const firstMs: number[] = [];
  const importMs: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const child = spawnSync(process.execPath, [tsx, script, JSON.stringify(typical)], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
    firstMs.push(result.first_ms);
    importMs.push(result.import_ms);
  }
  return { firstMs, importMs };
}

async function measureWarm(): Promise<{ times: number[]; totalMs: number }> {
  for (let run = 0; run < WARM_UPS; run++) await renderCertificatePdf(variant(run));
  const times: number[] = [];
  const loopStart = performance.now();
  for (let run = 0; run < WARM_RUNS; run++) {
    const data = variant(WARM_UPS + run);
    const start = performance.now();
    await renderCertificatePdf(data);
    times.push(performance.now() - start);
  }
  return { times, totalMs: performance.now() - loopStart };
}

async function main(): Promise<void> {
  const cold = measureCold();
  const warm = await measureWarm();
  const arabic: number[] = [];
  for (let run = 0; run < 100; run++) {
    const start = performance.now();
    await renderCertificatePdf({ ...variant(run), learnerName: "فاطمة الزهراء" });
    arabic.push(performance.now() - start);
  }
  const bytes = (await renderCertificatePdf(typical)).length;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const result = {
    median_ms_warm: round(median(warm.times)),
    median_ms_cold: round(median(cold.firstMs)),
    per_s: Math.round((WARM_RUNS * 1000) / warm.totalMs),
    bytes,
  };

  const p90 = [...warm.times].sort((a, b) => a - b)[Math.floor(WARM_RUNS * 0.9)] ?? 0;
  console.log(`cold: first render in a fresh process, median of ${COLD_RUNS}: ${result.median_ms_cold} ms`);
  console.log(
    `      runs ${cold.firstMs.map(round).join(", ")} ms; importing the modules first took ${round(median(cold.importMs))} ms (not counted)`,
  );
  console.log(
    `warm: median of ${WARM_RUNS} renders after ${WARM_UPS} warm-ups: ${result.median_ms_warm} ms (p90 ${round(p90)} ms)`,
  );
  console.log(`throughput: ${result.per_s} certificates/s in one process`);
  console.log(`warm, Arabic name (shaped, DejaVu fallback embedded too): median ${round(median(arabic))} ms`);
  console.log(`size of the typical certificate: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
