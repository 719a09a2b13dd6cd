/*
 * What certificates leave in an idle server (`npm run bench:certificates-memory`, issue 19).
 * Starts the production build as `npm start` does (server.mjs, its V8 flags and its collection
 * after 5 s without requests) against the PostgreSQL that DATABASE_URL names, signs one learner
 * in, and reads the server's resident memory (VmRSS) idle before any certificate, at the peak of
 * BENCH_CERTIFICATES PDF downloads (default 50, names in four scripts so that the fallback font
 * is embedded too), and 10 s after the last one, twice. The last line printed is one JSON object.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Db } from "@/db/client";
import { certificates } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { generateCertificateCode } from "@/lib/certificates/generate-code";
import { loadAverage, median, openBenchDatabase, signIn, startServer } from "./support/bench-server";
import { httpRequest } from "./support/http-client";

const PORT = Number(process.env.BENCH_PORT ?? 3214);
const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 50);
const IDLE_MS = 10_000;
const PASSWORD = "bench-certificates-memory-2026";
const NAMES = ["Françoise Lefèvre-Nguyễn", "Zoë Œuvray", "Анна Каренина", "فاطمة الزهراء", "Jean Martin"];

/** One learner with one certificate per name, each of another subject; returns their codes. */
async function seed(db: Db, email: string): Promise<string[]> {
  const organisation = await createOrganisation(db, { name: "Centre hospitalier de Saint-Étienne" });
  const learner = await createUser(db, { email, password: PASSWORD, organisationId: organisation.id });
  const rows = NAMES.map((learnerName, i) => ({
    code: generateCertificateCode(),
    userId: learner.id,
    organisationId: organisation.id,
    subjectType: "module" as const,
    subjectId: `bench-${i}`,
    subjectVersion: 1,
    learnerName,
    subjectTitle: "Attention aux clés USB",
    organisationName: organisation.name,
    durationMinutes: 7,
    completedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    issuedAt: new Date(Date.UTC(2026, 0, 1 + i, 1)),
  }));
  await db.insert(certificates).values(rows);

  return rows.map((row) => row.code);
}

function vmRssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);

  return Math.round(kb / 1024);
}

async function main() {
  const { databaseUrl, handle } = await openBenchDatabase();
  const email = `bench-memory-${randomUUID()}@vigie.test`;
  const codes = await seed(handle.db, email);
  await handle.close();

  const server = await startServer(PORT, { DATABASE_URL: databaseUrl });
  const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  try {
    const cookie = await signIn(server.url, email, PASSWORD);
    await idle();
    const idleBefore = vmRssMb(server.pid);
    const bursts: { peak_rss_mb: number; idle_rss_mb: number; first_ms: number; median_ms: number }[] = [];
    for (let burst = 0; burst < 2; burst++) {
      let peak = vmRssMb(server.pid);
      const times: number[] = [];
      for (let i = 0; i < COUNT; i++) {
        const start = performance.now();
        const pdf = await httpRequest(`${server.url}/api/certificats/${codes[i % codes.length]}/pdf`, {
          headers: { cookie },
        });
        times.push(performance.now() - start);
        if (pdf.status !== 200 || !pdf.body.startsWith("%PDF")) throw new Error(`certificate ${i}: ${pdf.status}`);
        peak = Math.max(peak, vmRssMb(server.pid));
      }
      await idle();
      const round = (ms: number) => Math.round(ms * 10) / 10;
      bursts.push({
        peak_rss_mb: peak,
        idle_rss_mb: vmRssMb(server.pid),
        first_ms: round(times[0] ?? 0),
        median_ms: round(median(times)),
      });
    }
    console.log(`load average ${loadAverage().join(" ")}`);
    console.log(JSON.stringify({ certificates_per_burst: COUNT, idle_rss_before_mb: idleBefore, bursts }));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
