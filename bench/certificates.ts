/*
 * Certificate PDF benchmark (`npm run bench:certificates`).
 * cold: median over fresh processes of the first render, font loading included;
 * warm: median of 500 renders after 20 warm-ups in this process (varied names and codes);
 * per_s: warm renders per second; bytes: size of the typical certificate.
 * Issue 18: each figure for both font subsetters, ours and HarfBuzz's, renders alternated.
 * The last line printed is one JSON object, for scripts.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chooseSubsetter } from "../lib/certificates/certificate-fonts";
import { renderCertificatePdf, type CertificatePdfData } from "../lib/certificates/render-certificate-pdf";

const SUBSETTERS = ["ours", "harfbuzz"] as const;
type Subsetter = (typeof SUBSETTERS)[number];

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

const typical: CertificatePdfData = {
  learnerName: "Françoise Lefèvre-Nguyễn",
  subjectTitle: "Attention aux clés USB",
  subjectKind: "module",
  subjectVersion: 3,
  organisationName: "Centre hospitalier de Saint-Étienne",
  completedAt: new Date("2026-11-29T10:00:00Z"),
  durationMinutes: 7,
  code: "K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
  verificationUrl: "https://vigie.example.org/certificat/K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
  issuedAt: new Date("2026-11-29T10:05:00Z"),
};

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

type Cold = { firstMs: number[]; importMs: number[]; rssMb: number[] };

function measureCold(): Record<Subsetter, Cold> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const script = path.join(process.cwd(), "bench", "certificates-cold.ts");
  const cold: Record<Subsetter, Cold> = {
    ours: { firstMs: [], importMs: [], rssMb: [] },
    harfbuzz: { firstMs: [], importMs: [], rssMb: [] },
  };
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const subsetter of run % 2 ? [...SUBSETTERS].reverse() : SUBSETTERS) {
      const env = { ...process.env, VIGIE_SUBSETTER: subsetter };
      const child = spawnSync(process.execPath, [tsx, script, JSON.stringify(typical)], { encoding: "utf8", env });
      if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
      cold[subsetter].firstMs.push(result.first_ms);
      cold[subsetter].importMs.push(result.import_ms);
      cold[subsetter].rssMb.push(result.rss_mb);
    }
  }
  return cold;
}

/** Renders `data` with each subsetter in turn (the order alternates), timing each. */
async function renderBoth(
  data: CertificatePdfData,
  run: number,
  times: Record<Subsetter, number[]>,
  cpuTimes?: Record<Subsetter, number[]>,
): Promise<void> {
  for (const subsetter of run % 2 ? [...SUBSETTERS].reverse() : SUBSETTERS) {
    chooseSubsetter(subsetter);
    const [start, cpuStart] = [performance.now(), process.cpuUsage()];
    await renderCertificatePdf(data);
    times[subsetter].push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes?.[subsetter].push((cpu.user + cpu.system) / 1000);
  }
}

async function measureWarm(): Promise<{ times: Record<Subsetter, number[]>; cpu: Record<Subsetter, number[]> }> {
  const warmUps: Record<Subsetter, number[]> = { ours: [], harfbuzz: [] };
  for (let run = 0; run < WARM_UPS; run++) await renderBoth(variant(run), run, warmUps);
  const times: Record<Subsetter, number[]> = { ours: [], harfbuzz: [] };
  const cpu: Record<Subsetter, number[]> = { ours: [], harfbuzz: [] };
  for (let run = 0; run < WARM_RUNS; run++) await renderBoth(variant(WARM_UPS + run), run, times, cpu);
  return { times, cpu };
}

async function main(): Promise<void> {
  const cold = measureCold();
  const warm = await measureWarm();
  const arabic: Record<Subsetter, number[]> = { ours: [], harfbuzz: [] };
  for (let run = 0; run < 100; run++) await renderBoth({ ...variant(run), learnerName: "فاطمة الزهراء" }, run, arabic);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const result: Record<string, unknown> = {};
  for (const subsetter of SUBSETTERS) {
    chooseSubsetter(subsetter);
    const bytes = (await renderCertificatePdf(typical)).length;
    const times = warm.times[subsetter];
    const figures = {
      median_ms_warm: round(median(times)),
      median_cpu_ms_warm: round(median(warm.cpu[subsetter])),
      median_ms_cold: round(median(cold[subsetter].firstMs)),
      per_s: Math.round((WARM_RUNS * 1000) / times.reduce((sum, time) => sum + time, 0)),
      bytes,
      median_ms_warm_arabic: round(median(arabic[subsetter])),
      rss_growth_mb: round(median(cold[subsetter].rssMb)),
    };
    result[subsetter] = figures;

    const p90 = [...times].sort((a, b) => a - b)[Math.floor(WARM_RUNS * 0.9)] ?? 0;
    const { firstMs, importMs } = cold[subsetter];
    console.log(`— subsetter: ${subsetter}`);
    console.log(`cold: first render in a fresh process, median of ${COLD_RUNS}: ${figures.median_ms_cold} ms`);
    console.log(
      `      runs ${firstMs.map(round).join(", ")} ms; importing the modules first took ${round(median(importMs))} ms (not counted); RSS grew by ${figures.rss_growth_mb} MB (import to 200 renders later)`,
    );
    console.log(
      `warm: median of ${WARM_RUNS} renders after ${WARM_UPS} warm-ups: ${figures.median_ms_warm} ms (p90 ${round(p90)} ms), CPU time ${figures.median_cpu_ms_warm} ms`,
    );
    console.log(`throughput: ${figures.per_s} certificates/s in one process`);
    console.log(`warm, Arabic name (shaped, DejaVu fallback embedded too): median ${figures.median_ms_warm_arabic} ms`);
    console.log(`size of the typical certificate: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
