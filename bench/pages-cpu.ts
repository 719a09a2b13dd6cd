// npm run bench:pages-cpu — the server's CPU time per request (user + system, read from /proc for
// the server's process tree) and the HTML size of the catalogue and of a module step, for a
// signed-in learner, one request at a time (BENCH_REQUESTS, default 1,000, after 150 to warm up),
// against the production build on the PostgreSQL that DATABASE_URL names. CPU time per request
// varies less than requests per second on a shared machine, so this is the bench to compare two
// builds with (run them alternately; docs/performance.md, Pages).
import { readFileSync } from "node:fs";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createUser } from "@/db/seed/factories";
import { ensureBuild, processTree, signIn, startServer } from "./support/bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3213);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const WARM_UP = 150;
const PAGES = { catalogue: "/modules", module_step: "/modules/cles-usb?etape=recharger-et-perdre" } as const;
// Linux reports process times in clock ticks of 1/100 s (USER_HZ).
const TICK_MS = 10;

/** CPU milliseconds used so far by a process and its children. */
function treeCpuMs(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between ps and the read.
    }
  }
  return ticks * TICK_MS;
}

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
  const figures: Record<string, { cpu_ms_per_request: number; wall_ms_per_request: number; html_bytes: number }> = {};
  try {
    const cookie = await signIn(server.url, learner.email!, DEMO_PASSWORD);
    const get = async (path: string) => {
      const response = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status} to the signed-in learner`);

      return (await response.text()).length;
    };
    for (const [name, path] of Object.entries(PAGES)) {
      let htmlBytes = 0;
      for (let i = 0; i < WARM_UP; i++) htmlBytes = await get(path);
      const cpuBefore = treeCpuMs(server.pid);
      const wallBefore = performance.now();
      for (let i = 0; i < REQUESTS; i++) await get(path);
      figures[name] = {
        cpu_ms_per_request: Math.round(((treeCpuMs(server.pid) - cpuBefore) / REQUESTS) * 100) / 100,
        wall_ms_per_request: Math.round(((performance.now() - wallBefore) / REQUESTS) * 100) / 100,
        html_bytes: htmlBytes,
      };
    }
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify({ ...figures, requests: REQUESTS, load_average: loadAverage() }));
}

function loadAverage(): number[] {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
