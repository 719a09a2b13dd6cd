// Diagnostic for bench:progress on a shared machine: CPU milliseconds per request spent by the
// server process, the PostgreSQL backends of the bench database and this client, at one
// concurrency level (throughput varies with the neighbours' load; CPU per request much less).
// Usage: DATABASE_URL=… BENCH_PORT=… [BENCH_CONNECTIONS=8] [BENCH_SECONDS=10] tsx bench/progress-cpu.ts
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { ensureBuild, signIn, startServer } from "./support/bench-server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3211);

// User and system CPU ticks of a process (system time is mostly the loopback sockets).
const ticks = (pid: number): [number, number] => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return [Number(fields[11]), Number(fields[12])];
  } catch {
    return [0, 0];
  }
};

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  ensureBuild();
  const handle = await createDb({ databaseUrl });
  await migrateDb(handle);
  await seedDemo(handle.db);
  const organisation = await createOrganisation(handle.db, { name: "Bench progress cpu" });
  const learners = await Promise.all(
    Array.from({ length: CONNECTIONS }, () =>
      createUser(handle.db, { organisationId: organisation.id, password: DEMO_PASSWORD }),
    ),
  );
  const server = await startServer(PORT, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "20",
  });
  const module = loadCatalogue().moduleById.get("cles-usb")!;
  const cookies: string[] = [];
  for (const learner of learners) cookies.push(await signIn(server.url, learner.email!, DEMO_PASSWORD));
  let next = 0;
  const body = () => {
    const index = next++ % CONNECTIONS;
    return {
      index,
      body: JSON.stringify({
        events: Array.from({ length: BATCH }, (_, i) => ({
          eventId: randomUUID(),
          learnerId: learners[index]!.id,
          moduleId: module.id,
          moduleVersion: module.version,
          kind: "step_viewed",
          stepId: module.steps[(next + i) % module.steps.length]!.id,
          occurredAt: new Date().toISOString(),
          activeSeconds: 3,
        })),
      }),
    };
  };
  const fire = (seconds: number) =>
    autocannon({
      url: `${server.url}${process.env.BENCH_PATH ?? "/api/progress/events"}`,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const b = body();
            return {
              ...request,
              body: b.body,
              headers: { "content-type": "application/json", origin: server.url, cookie: cookies[b.index]! },
            };
          },
        },
      ],
    });
  await fire(2);
  const serverPids = () =>
    readFileSync("/proc/" + server.pid + "/task/" + server.pid + "/children", "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .concat(server.pid);
  const backendPids = async () => {
    const result = (await handle.db.execute(
      sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    )) as unknown as { rows: { pid: number }[] };
    return result.rows.map((r) => r.pid);
  };
  const sPids = serverPids();
  const bPids = await backendPids();
  const sum = (pids: number[]) => pids.map(ticks).reduce(([u, s], [pu, ps]) => [u + pu, s + ps], [0, 0]);
  const before = { server: sum(sPids), pg: sum(bPids), client: ticks(process.pid), at: performance.now() };
  const result = await fire(SECONDS);
  const after = { server: sum(sPids), pg: sum(bPids), client: ticks(process.pid), at: performance.now() };
  await server.stop();
  await handle.close();
  const requests = result.requests.total;
  const ms = (a: number, b: number) => (((b - a) * 10) / requests).toFixed(2); // 100 ticks/s
  const perRequest = (a: [number, number], b: [number, number]) =>
    `${ms(a[0] + a[1], b[0] + b[1])} (user ${ms(a[0], b[0])}, sys ${ms(a[1], b[1])})`;
  console.log(
    JSON.stringify({
      connections: CONNECTIONS,
      batch: BATCH,
      req_per_s: Math.round(requests / SECONDS),
      events_per_s: Math.round((requests * BATCH) / SECONDS),
      errors: result.non2xx + result.errors,
      cpu_ms_per_request: {
        server: perRequest(before.server, after.server),
        postgres: perRequest(before.pg, after.pg),
        client: perRequest(before.client, after.client),
      },
      backends: bPids.length,
      load: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
