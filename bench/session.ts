// npm run bench:session — what one learner taking one module costs, end to end, as the browser
// does it: the catalogue, the module page (which draws the quiz), the player's events sent one
// per request as the learner acts (each step viewed, each scenario answered, the quiz's answers
// graded by the server), then the certificate (issue, then PDF). Zero think time. At 1, 8 and 32
// concurrent learners for BENCH_SECONDS each (default 30), on the PostgreSQL that DATABASE_URL
// names, against the production build. Learners sign in before
// the runs (one argon2 hash each, measured apart): a learner signs in once for several modules.
// CPU is the server's and PostgreSQL's, read from /proc (every postgres process of the machine:
// run it on a quiet machine).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { moduleProgress } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule } from "@/lib/courses/types";
import { median, npmStartNodeArgs, openBenchDatabase, signIn, startServer } from "./support/bench-server";
import { httpRequest } from "./support/http-client";

const LEVELS = (process.env.BENCH_LEVELS ?? "1,8,32").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3213);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 320);
const CLOCK_TICKS_PER_S = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

type Learner = { id: string; cookie: string; modulesDone: number };
type Level = { sessions: number; requests: number; failures: number; serverCpuMs: number; postgresCpuMs: number };

/**
 * The server's V8 settings measured in one run: what `npm start` uses (a small young generation,
 * an old generation grown by 30 % after each collection), and the other side of the
 * memory-for-speed trade, the young generation of the fastest setting measured (issue 19).
 * BENCH_NODE_ARGS replaces the second with its own flags.
 */
function variants(): { name: string; nodeArgs: string[] }[] {
  const production = npmStartNodeArgs();
  const other = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? ["--max-semi-space-size=64"];

  return [
    { name: `npm start (${production.join(" ") || "V8 defaults"})`, nodeArgs: production },
    { name: other.join(" ") || "V8 defaults", nodeArgs: other },
  ];
}

type VariantResult = {
  sessions_per_s: Record<string, number>;
  requests_per_session: number;
  cpu_ms_per_session: number;
  server_cpu_ms_per_session: number;
  peak_rss_mb: number;
  idle_rss_mb: number;
  failed_sessions: number;
};

async function main() {
  const { databaseUrl, handle } = await openBenchDatabase();
  await seedDemo(handle.db);
  const catalogue = loadCatalogue();
  const modules = [...catalogue.moduleById.values()];
  const results: Record<string, VariantResult> = {};
  for (const variant of variants()) {
    console.log(`== ${variant.name}`);
    results[variant.name] = await runVariant(handle, databaseUrl, modules, variant.nodeArgs);
  }
  await handle.close();
  const [production, ...others] = Object.values(results);
  // The figures of `npm start`'s settings, then every variant's, in one object.
  console.log(JSON.stringify({ ...production, variants: results, other_variants: others.length }));
}

/** Fresh learners (every module once each) against a fresh server started with `nodeArgs`. */
async function runVariant(
  handle: DbHandle,
  databaseUrl: string,
  modules: CourseModule[],
  nodeArgs: string[],
): Promise<VariantResult> {
  const organisation = await createOrganisation(handle.db, { name: `Bench session ${Date.now()}` });
  const accounts = [];
  for (let i = 0; i < LEARNERS; i++)
    accounts.push(await createUser(handle.db, { organisationId: organisation.id, password: DEMO_PASSWORD }));
  const server = await startServer(PORT, { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "20" }, { nodeArgs });

  const learners: Learner[] = [];
  const signInMs: number[] = [];
  const levels: Record<string, Level> = {};
  let idleRssMb = 0;
  try {
    // One at a time: the server hashes at most two passwords at once and throttles per address.
    for (const account of accounts) {
      const started = performance.now();
      learners.push({
        id: account.id,
        cookie: await signIn(server.url, account.email!, DEMO_PASSWORD),
        modulesDone: 0,
      });
      signInMs.push(performance.now() - started);
    }
    let nextLearner = 0;
    // Each concurrent learner takes modules in turn; when it has taken them all, the next
    // account (already signed in) takes over, so no module is ever taken twice by one person.
    const takeLearner = () => {
      const learner = learners[nextLearner++];
      if (!learner) throw new Error(`all ${LEARNERS} learners used: raise BENCH_LEARNERS`);
      return learner;
    };
    const oneSession = async (learner: Learner): Promise<number> => {
      const module = modules[learner.modulesDone++]!;
      return takeModule(server.url, learner, module);
    };

    // Warm-up, not measured: the first pages compile their code paths and fill the caches.
    const warmUp = takeLearner();
    while (warmUp.modulesDone < modules.length) await oneSession(warmUp);

    for (const concurrency of LEVELS) {
      const level: Level = { sessions: 0, requests: 0, failures: 0, serverCpuMs: 0, postgresCpuMs: 0 };
      const cpuBefore = { server: processTreeCpuMs(server.pid), postgres: postgresCpuMs() };
      const deadline = Date.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          let learner = takeLearner();
          while (Date.now() < deadline) {
            if (learner.modulesDone >= modules.length) learner = takeLearner();
            try {
              const requests = await oneSession(learner);
              level.requests += requests;
              level.sessions += 1;
            } catch (error) {
              level.failures += 1;
              if (level.failures <= 3) console.error(`session failed: ${(error as Error).message}`);
            }
          }
        }),
      );
      level.serverCpuMs = processTreeCpuMs(server.pid) - cpuBefore.server;
      level.postgresCpuMs = postgresCpuMs() - cpuBefore.postgres;
      levels[concurrency] = level;
      console.log(
        `${concurrency} learner(s): ${(level.sessions / SECONDS).toFixed(2)} sessions/s, ${level.requests} requests, ${level.failures} failed; CPU per session: server ${(level.serverCpuMs / level.sessions).toFixed(1)} ms, PostgreSQL ${(level.postgresCpuMs / level.sessions).toFixed(1)} ms; peak RSS ${server.peakRssMb()} MB`,
      );
    }
    // What the server keeps once the campaign's wave has passed.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    idleRssMb = server.rssMb();
  } finally {
    await server.stop();
  }

  // Every session counted above completed its module, once.
  const ids = learners.map((learner) => learner.id);
  const [stored] = await handle.db
    .select({ completed: sql<number>`count(*)::int` })
    .from(moduleProgress)
    .where(and(inArray(moduleProgress.userId, ids), isNotNull(moduleProgress.completedAt)));
  const sessions = Object.values(levels).reduce((sum, level) => sum + level.sessions, 0);
  const requests = Object.values(levels).reduce((sum, level) => sum + level.requests, 0);
  const cpuMs = Object.values(levels).reduce((sum, level) => sum + level.serverCpuMs + level.postgresCpuMs, 0);
  console.log(
    `${sessions} sessions (and ${modules.length} to warm up), ${stored!.completed} modules completed in the database; sign-in median ${median(signInMs).toFixed(0)} ms (before the runs)`,
  );
  if (stored!.completed < sessions + modules.length)
    throw new Error(`only ${stored!.completed} completions stored for ${sessions + modules.length} sessions`);

  return {
    sessions_per_s: Object.fromEntries(
      Object.entries(levels).map(([n, level]) => [n, Number((level.sessions / SECONDS).toFixed(2))]),
    ),
    requests_per_session: Number((requests / sessions).toFixed(1)),
    cpu_ms_per_session: Math.round(cpuMs / sessions),
    server_cpu_ms_per_session: Math.round(
      Object.values(levels).reduce((sum, level) => sum + level.serverCpuMs, 0) / sessions,
    ),
    peak_rss_mb: server.peakRssMb(),
    idle_rss_mb: idleRssMb,
    failed_sessions: Object.values(levels).reduce((sum, level) => sum + level.failures, 0),
  };
}

/** One learner takes one module from the catalogue to its certificate; returns the requests made. */
async function takeModule(url: string, learner: Learner, module: CourseModule): Promise<number> {
  const headers = { cookie: learner.cookie };
  let requests = 0;
  const get = async (path: string) => {
    requests += 1;
    const response = await httpRequest(`${url}${path}`, { headers });
    if (response.status >= 400) throw new Error(`GET ${path}: ${response.status}`);
    return response;
  };
  const send = async (event: Record<string, unknown>) => {
    requests += 1;
    const body = JSON.stringify({
      events: [
        {
          eventId: randomUUID(),
          learnerId: learner.id,
          moduleId: module.id,
          moduleVersion: module.version,
          occurredAt: new Date().toISOString(),
          activeSeconds: 0,
          ...event,
        },
      ],
    });
    const response = await httpRequest(`${url}/api/progress/events`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", origin: url },
      body,
    });
    if (response.status !== 200)
      throw new Error(`events (${String(event.kind)}): ${response.status} ${response.body.slice(0, 200)}`);
    return JSON.parse(response.body) as { outcomes: { status: string; quizResult?: { passed: boolean } }[] };
  };

  // The catalogue is its shell, the same for everyone, then the learner's part of it.
  await get("/modules");
  await get("/api/progress/catalogue");
  // The page is the module's shell, the same for everyone; the player then asks for the learner's
  // state, which holds the attempt's questions (only those drawn).
  await get(`/modules/${module.id}`);
  const { quiz } = JSON.parse((await get(`/api/progress/state?module=${module.id}`)).body) as {
    quiz: { drawId: string; questions: { id: string }[] } | null;
  };
  for (const step of module.steps) {
    await send({ kind: "step_viewed", stepId: step.id });
    if (step.kind === "scenario")
      await send({
        kind: "scenario_answered",
        stepId: step.id,
        choiceId: step.choices.find((choice) => choice.correct)!.id,
      });
    if (step.kind === "quiz") {
      if (!quiz) throw new Error(`no quiz draw in the state of ${module.id}`);
      const { drawId } = quiz;
      const drawn = step.questions.filter((question) => quiz.questions.some((asked) => asked.id === question.id));
      const answers = Object.fromEntries(
        drawn.map((question) => [
          question.id,
          question.choices.filter((choice) => choice.correct).map((choice) => choice.id),
        ]),
      );
      const result = await send({ kind: "quiz_submitted", stepId: step.id, drawId, answers });
      if (!result.outcomes[0]?.quizResult?.passed)
        throw new Error(`quiz of ${module.id} not passed: ${JSON.stringify(result.outcomes[0])}`);
    }
  }
  requests += 1;
  const issued = await httpRequest(`${url}/modules/${module.id}/certificat`, { headers });
  const location = issued.headers?.location;
  if (issued.status !== 303 || !location?.includes("/api/certificats/"))
    throw new Error(`certificate of ${module.id}: ${issued.status} → ${location}`);
  const pdf = await get(new URL(location, url).pathname);
  if (!pdf.body.startsWith("%PDF")) throw new Error(`certificate of ${module.id} is not a PDF`);

  return requests;
}

/** CPU time (user + system) of a process and its descendants, in ms. */
function processTreeCpuMs(pid: number): number {
  const all = processes();
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of all) {
      if (tree.has(row.ppid) && !tree.has(row.pid)) {
        tree.add(row.pid);
        grew = true;
      }
    }
  }

  return all.filter((row) => tree.has(row.pid)).reduce((sum, row) => sum + row.cpuMs, 0);
}

/** CPU time of every PostgreSQL process of the machine (server, backends, walwriter…), in ms. */
function postgresCpuMs(): number {
  return processes()
    .filter((row) => row.comm === "postgres")
    .reduce((sum, row) => sum + row.cpuMs, 0);
}

function processes(): { pid: number; ppid: number; comm: string; cpuMs: number }[] {
  const rows = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // comm may hold spaces: the fields after it start past the last ')'.
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // From the state field (3rd of stat): ppid is the 4th, utime the 14th, stime the 15th.
      rows.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        comm,
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S,
      });
    } catch {
      // The process ended while we read.
    }
  }

  return rows;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
