// npm run bench:faults — progress events at 8 connections against two app instances (`npm
// start`'s server.mjs) on a PostgreSQL this bench starts itself (initdb in a temporary folder,
// as root through runuser -u postgres), and in one run: PostgreSQL restarted, SIGTERM to one of
// the two instances, a 10 s lock on module_progress. A client that gets no answer or a 5xx sends
// the same batch again to the other instance (what a load balancer and the player's queue do).
// Last line: {"acknowledged", "stored", "lost", "max_wait_ms", "status_during_outage",
// "recovery_ms", "shutdown_ms"}. Goals: lost 0, max wait ≤ 6,000 ms, recovery ≤ 2,000 ms,
// shutdown ≤ 10,000 ms with exit 0.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { ensureBuild, npmStartNodeArgs, signIn } from "./support/bench-server";
import { httpRequest } from "./support/http-client";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 55_410);
const PORTS = [Number(process.env.BENCH_PORT ?? 3178), Number(process.env.BENCH_PORT ?? 3178) + 1] as const;
const CONNECTIONS = 8;
const BATCH = 5;
const ROOT = path.join(__dirname, "..");
const SECRET = "bench-faults-secret-0123456789abcdefghijklmnop";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pg(args: string[]): void {
  execFileSync("runuser", ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, ...args], { stdio: "ignore" });
}

/** A throw-away PostgreSQL 15 cluster on 127.0.0.1:PG_PORT (STACK.md §4). */
function startPostgres(): { dataDir: string; url: string; start: () => void; stop: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), "vigie-faults-"));
  chmodSync(base, 0o755);
  const dataDir = path.join(base, "pgdata");
  execFileSync("mkdir", ["-p", dataDir]);
  execFileSync("chown", ["postgres:postgres", dataDir]);
  execFileSync(
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      `${PG_BIN}/initdb`,
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ],
    { stdio: "ignore" },
  );
  const start = () =>
    pg([
      "-D",
      dataDir,
      "-l",
      path.join(dataDir, "server.log"),
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${PG_PORT} -k ${dataDir} -c max_connections=100`,
      "-w",
      "start",
    ]);
  const stop = () => pg(["-D", dataDir, "-m", "fast", "-w", "stop"]);
  start();

  return { dataDir: base, url: `postgres://postgres@127.0.0.1:${PG_PORT}/vigie`, start, stop };
}

type Instance = { port: number; url: string; child: ChildProcess; exit: Promise<number | null> };

function startInstance(port: number, databaseUrl: string): Instance {
  const child = spawn(process.execPath, [...npmStartNodeArgs(), "server.mjs", "-p", String(port), "-H", "localhost"], {
    cwd: ROOT,
    // A benchmark is a trial: demo mode, which needs no mail server or proxy setting.
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      VIGIE_MODE: "demo",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: SECRET,
      APP_URL: `http://localhost:${PORTS[0]}`,
      REMINDERS_EVERY_MINUTES: "60",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  return { port, url: `http://localhost:${port}`, child, exit };
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(200);
  }
  throw new Error(`${url} never became healthy`);
}

type Phase = "steady" | "outage" | "after";

async function main() {
  ensureBuild();
  const postgres = startPostgres();
  const instances: Instance[] = [];
  try {
    execFileSync("psql", [`postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, "-qc", "create database vigie"]);
    const handle = await createDb({ databaseUrl: postgres.url });
    await migrateDb(handle);
    const organisation = await createOrganisation(handle.db, { name: "Bench pannes" });
    const learners = await Promise.all(
      Array.from({ length: CONNECTIONS }, () =>
        createUser(handle.db, { organisationId: organisation.id, password: DEMO_PASSWORD }),
      ),
    );
    instances.push(startInstance(PORTS[0], postgres.url), startInstance(PORTS[1], postgres.url));
    await Promise.all(instances.map((instance) => waitHealthy(instance.url)));
    const cookies: string[] = [];
    for (const learner of learners) cookies.push(await signIn(instances[0]!.url, learner.email!, DEMO_PASSWORD));
    const module = loadCatalogue().moduleById.get("cles-usb")!;

    const acknowledged = new Set<string>();
    const statusDuringOutage = new Set<string>();
    let phase: Phase = "steady";
    let maxWait = 0;
    let backAt = 0;
    let firstAckAfterBack = 0;
    let running = true;
    const alive = new Set(instances.map((instance) => instance.url));

    const worker = async (index: number) => {
      let turn = index;
      while (running) {
        const events = Array.from({ length: BATCH }, (_, i) => ({
          eventId: randomUUID(),
          learnerId: learners[index]!.id,
          moduleId: module.id,
          moduleVersion: module.version,
          kind: "step_viewed",
          stepId: module.steps[(turn + i) % module.steps.length]!.id,
          occurredAt: new Date().toISOString(),
          activeSeconds: 1,
        }));
        const body = JSON.stringify({ events });
        // Sent again (to the other instance) until acknowledged: no batch is given up.
        for (;;) {
          const targets = [...alive];
          const url = targets[turn++ % targets.length] ?? instances[0]!.url;
          const started = performance.now();
          const status = await httpRequest(`${url}/api/progress/events`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: instances[0]!.url, cookie: cookies[index]! },
            body,
          }).then(
            (r) => String(r.status),
            (error: NodeJS.ErrnoException) => error.code ?? "error",
          );
          maxWait = Math.max(maxWait, performance.now() - started);
          if (phase === "outage") statusDuringOutage.add(status);
          if (status === "200") {
            for (const event of events) acknowledged.add(event.eventId);
            if (backAt && !firstAckAfterBack) firstAckAfterBack = performance.now();
            break;
          }
          if (!running && phase === "after") break;
          await sleep(100);
        }
      }
    };
    const workers = Array.from({ length: CONNECTIONS }, (_, index) => worker(index));

    await sleep(5_000);
    // 1. PostgreSQL restarted: down 3 s, then back.
    phase = "outage";
    postgres.stop();
    await sleep(3_000);
    postgres.start();
    backAt = performance.now();
    await sleep(4_000);
    phase = "steady";
    const recoveryMs = firstAckAfterBack ? Math.round(firstAckAfterBack - backAt) : -1;
    console.log(
      `PostgreSQL restarted: first acknowledgement ${recoveryMs} ms after it was back; statuses meanwhile ${[...statusDuringOutage].join(", ")}`,
    );

    // 2. SIGTERM to the second instance, under load.
    const stopping = instances[1]!;
    const signalled = performance.now();
    stopping.child.kill("SIGTERM");
    const exitCode = await stopping.exit;
    const shutdownMs = Math.round(performance.now() - signalled);
    alive.delete(stopping.url);
    console.log(`SIGTERM: instance ${stopping.port} exited with ${exitCode} in ${shutdownMs} ms`);
    await sleep(3_000);

    // 3. A 10 s lock on the table every progress write updates.
    const locker = new Client({ connectionString: postgres.url });
    await locker.connect();
    await locker.query("begin");
    await locker.query("lock table module_progress in access exclusive mode");
    const waitBefore = maxWait;
    await sleep(10_000);
    await locker.query("commit");
    await locker.end();
    console.log(`10 s lock: longest wait ${Math.round(maxWait)} ms (before it ${Math.round(waitBefore)} ms)`);
    await sleep(3_000);

    phase = "after";
    running = false;
    await Promise.all(workers);
    const ids = [...acknowledged];
    const counter = new Client({ connectionString: postgres.url });
    await counter.connect();
    const { rows } = await counter.query<{ n: number }>(
      "select count(*)::int as n from learning_events where event_id = any($1::uuid[])",
      [ids],
    );
    await counter.end();
    const stored = rows[0]!.n;
    await handle.close();
    console.log(
      JSON.stringify({
        acknowledged: ids.length,
        stored,
        lost: ids.length - stored,
        max_wait_ms: Math.round(maxWait),
        status_during_outage: [...statusDuringOutage].sort(),
        recovery_ms: recoveryMs,
        shutdown_ms: shutdownMs,
        shutdown_exit_code: exitCode,
      }),
    );
  } finally {
    await Promise.all(
      instances.map(async (instance) => {
        if (instance.child.exitCode === null) instance.child.kill("SIGTERM");
        await instance.exit;
      }),
    );
    try {
      postgres.stop();
    } catch {}
    rmSync(postgres.dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
