// npm run bench:pages-cpu — the server's CPU time per request (user + system, read from /proc for
// the server's process tree) and the HTML size of the catalogue and of a module step, for a
// signed-in learner, one request at a time (BENCH_REQUESTS, default 1,000, after 150 to warm up),
// against the production build on the PostgreSQL that DATABASE_URL names. CPU time per request
// varies less than requests per second on a shared machine, so this is the bench to compare two
// builds with (run them alternately; docs/performance.md, Pages).
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createUser } from "@/db/seed/factories";
import {
  loadAverage,
  measureCpuPerRequest,
  openBenchDatabase,
  signIn,
  startServer,
  type CpuPerRequest,
} from "./support/bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3213);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const WARM_UP = 150;
const PAGES = { catalogue: "/modules", module_step: "/modules/cles-usb?etape=recharger-et-perdre" } as const;
async function main() {
  const { databaseUrl, handle } = await openBenchDatabase();
  const { establishmentId } = await seedDemo(handle.db);
  const learner = await createUser(handle.db, { organisationId: establishmentId, password: DEMO_PASSWORD });
  await handle.close();

  const server = await startServer(PORT, { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "20" });
  const figures: Record<string, CpuPerRequest> = {};
  try {
    const cookie = await signIn(server.url, learner.email!, DEMO_PASSWORD);
    const get = async (path: string) => {
      const response = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status} to the signed-in learner`);

      return (await response.text()).length;
    };
    for (const [name, path] of Object.entries(PAGES))
      figures[name] = await measureCpuPerRequest(server.pid, () => get(path), { warmUp: WARM_UP, requests: REQUESTS });
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify({ ...figures, requests: REQUESTS, load_average: loadAverage() }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
