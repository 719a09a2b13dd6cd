/*
 * Certificates ZIP benchmark (`npm run bench:certificates-zip`).
 * Fills a fresh database (in-memory PGlite, or a throw-away database on the PostgreSQL server
 * that DATABASE_URL names) with 2,000 certificates of one establishment, then reads the
 * establishment's ZIP to the end, as the route streams it, without keeping it: total time,
 * time to the first byte, bytes, and this process's memory (RSS and heap) sampled every 10 ms,
 * before and during the ZIP. The last line printed is one JSON object, for scripts.
 */
import { performance } from "node:perf_hooks";
import { certificates, memberships, users } from "../db/schema";
import { createOrganisation } from "../db/seed/factories";
import { loadActor } from "../lib/auth/load-actor";
import { certificatesArchive } from "../lib/certificates/certificates-archive";
import { generateCertificateCode } from "../lib/certificates/generate-code";
import { createTestDb } from "../tests/support/db";

const COUNT = Number(process.argv.find((a) => a.startsWith("--certificates="))?.split("=")[1] ?? 2_000);
const NAMES = ["Françoise Lefèvre-Nguyễn", "Zoë Œuvray", "Karim Benali", "Jean-Baptiste Martin", "Ærøskøbing-Ðorđević"];
const MB = 1024 * 1024;

async function seed(db: Awaited<ReturnType<typeof createTestDb>>["db"]) {
  const organisation = await createOrganisation(db, { name: "Centre hospitalier de Saint-Étienne" });
  const [manager] = await db
    .insert(users)
    .values({ name: "RSSI", email: `rssi-${organisation.id}@vigie.test` })
    .returning();
  await db.insert(memberships).values({ userId: manager!.id, organisationId: organisation.id, role: "manager" });
  for (let start = 0; start < COUNT; start += 500) {
    const size = Math.min(500, COUNT - start);
    const learners = await db
      .insert(users)
      .values(
        Array.from({ length: size }, (_, i) => ({
          name: `${NAMES[(start + i) % NAMES.length]} ${start + i}`,
          email: `agent-${start + i}-${organisation.id}@vigie.test`,
        })),
      )
      .returning({ id: users.id, name: users.name });
    await db.insert(certificates).values(
      learners.map((learner, i) => ({
        code: generateCertificateCode(),
        userId: learner.id,
        organisationId: organisation.id,
        subjectType: "module" as const,
        subjectId: "cles-usb",
        subjectVersion: 1,
        learnerName: learner.name!,
        subjectTitle: "Attention aux clés USB",
        organisationName: organisation.name,
        durationMinutes: 7,
        completedAt: new Date(Date.UTC(2026, 0, 1) + (start + i) * 3_600_000),
        issuedAt: new Date(Date.UTC(2026, 0, 1) + (start + i) * 3_600_000 + 60_000),
      })),
    );
  }

  return { organisationId: organisation.id, actor: (await loadActor(db, manager!.id))! };
}

async function main() {
  const handle = await createTestDb();
  try {
    const { organisationId, actor } = await seed(handle.db);
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 10);

    const started = performance.now();
    const { stream } = await certificatesArchive(handle.db, {
      actor,
      organisationId,
      filters: {},
      baseUrl: "https://vigie.example.org",
      asOf: new Date(),
    });
    let bytes = 0;
    let firstByteMs = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.byteLength;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

    const result = {
      database: handle.kind,
      certificates: COUNT,
      seconds: Number(seconds.toFixed(2)),
      certificates_per_s: Math.round(COUNT / seconds),
      first_byte_ms: Math.round(firstByteMs),
      bytes,
      rss_before_mb: Math.round(before.rss / MB),
      rss_peak_mb: Math.round(peakRss / MB),
      heap_before_mb: Math.round(before.heapUsed / MB),
      heap_peak_mb: Math.round(peakHeap / MB),
    };
    console.log(
      `ZIP of ${COUNT} certificates (${handle.kind}): ${result.seconds} s, ${(bytes / MB).toFixed(1)} MB, memory RSS ${result.rss_before_mb} → peak ${result.rss_peak_mb} MB, heap ${result.heap_before_mb} → peak ${result.heap_peak_mb} MB`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
