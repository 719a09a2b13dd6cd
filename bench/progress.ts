// npm run bench:progress — events recorded per second through POST /api/progress/events, the
// route the player uses (session check, validation, the one-statement idempotent write), at 1,
// 8 and 32 concurrent connections, on the PostgreSQL that DATABASE_URL names. Each request
// carries BENCH_BATCH events (default 10: what the player's queue sends after a network gap;
// online it sends one at a time, measured too); 10 % of requests resend a stored batch, which
// must be answered "duplicate" and change nothing.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { inArray, sql } from "drizzle-orm";
import { learningEvents, moduleProgress } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { openBenchDatabase, signIn, startServer } from "./support/bench-server";

const LEVELS = [1, 8, 32] as const;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH = Number(process.env.BENCH_BATCH ?? 10);
const DUPLICATE_SHARE = 0.1;
const PORT = Number(process.env.BENCH_PORT ?? 3211);

type Tally = { uniqueEvents: number; resends: number; errors: number; recordedAnswers: Map<string, number> };

async function main() {
  const { databaseUrl, handle } = await openBenchDatabase();
  await seedDemo(handle.db);
  const organisation = await createOrganisation(handle.db, { name: "Bench progress" });
  const learners = await Promise.all(
    Array.from({ length: 64 }, () =>
      createUser(handle.db, { organisationId: organisation.id, password: DEMO_PASSWORD }),
    ),
  );
  const server = await startServer(PORT, { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "20" });
  const module = loadCatalogue().moduleById.get("cles-usb")!;
  // One at a time: sign-in is throttled per client address (30 attempts in flight would trip it).
  const cookies: string[] = [];
  try {
    for (const learner of learners) cookies.push(await signIn(server.url, learner.email!, DEMO_PASSWORD));
  } catch (error) {
    await server.stop();
    throw error;
  }
  const tally: Tally = { uniqueEvents: 0, resends: 0, errors: 0, recordedAnswers: new Map() };

  const run = async (connections: number, batch: number, learnerOffset: number) => {
    // autocannon resets a request's context after each response, so state lives here: requests
    // go round the learners (two may be in flight for one learner, like two tabs).
    let next = 0;
    const history: { body: string; index: number }[] = [];
    const result = await autocannon({
      url: `${server.url}/api/progress/events`,
      connections,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          setupRequest: (request, raw) => {
            const context = raw as Record<string, unknown>;
            const resend = history.length > 0 && Math.random() < DUPLICATE_SHARE;
            let sent = history[Math.floor(Math.random() * history.length)];
            if (!resend || !sent) {
              const index = learnerOffset + (next++ % connections);
              const body = JSON.stringify({
                events: Array.from({ length: batch }, (_, i) => ({
                  eventId: randomUUID(),
                  learnerId: learners[index]!.id,
                  moduleId: module.id,
                  moduleVersion: module.version,
                  kind: "step_viewed",
                  stepId: module.steps[(next + i) % module.steps.length]!.id,
                  occurredAt: new Date().toISOString(),
                  activeSeconds: 3,
                })),
              });
              sent = { body, index };
              history.push(sent);
              tally.uniqueEvents += batch;
            } else {
              tally.resends += 1;
            }
            context.body = sent.body;
            return {
              ...request,
              body: sent.body,
              headers: { "content-type": "application/json", origin: server.url, cookie: cookies[sent.index]! },
            };
          },
          onResponse: (status, body, raw) => {
            const context = raw as Record<string, unknown>;
            if (status !== 200) return void (tally.errors += 1);
            // A batch sent twice (or racing its resend) may be answered "recorded" once, never more.
            const recorded = (JSON.parse(body) as { outcomes: { status: string }[] }).outcomes.filter(
              (o) => o.status === "recorded",
            ).length;
            const key = context.body as string;
            tally.recordedAnswers.set(key, (tally.recordedAnswers.get(key) ?? 0) + (recorded > 0 ? 1 : 0));
          },
        },
      ],
    });
    const requests = result.requests.total;
    const uniqueRequests = requests * (1 - DUPLICATE_SHARE);

    return {
      eventsPerS: Math.round((uniqueRequests * batch) / SECONDS),
      requestsPerS: Math.round(requests / SECONDS),
      p95: result.latency.p97_5,
      errors: result.non2xx + result.errors,
    };
  };

  const batched: Record<string, number> = {};
  const single: Record<string, number> = {};
  try {
    for (const connections of LEVELS) {
      const b = await run(connections, BATCH, 0);
      const s = await run(connections, 1, 32);
      batched[connections] = b.eventsPerS;
      single[connections] = s.eventsPerS;
      console.log(
        `${connections} connection(s): ${b.eventsPerS} events/s in batches of ${BATCH} (${b.requestsPerS} req/s, p97.5 ${b.p95} ms); ${s.eventsPerS} events/s one per request (p97.5 ${s.p95} ms); errors ${b.errors + s.errors}`,
      );
    }
  } finally {
    await server.stop();
  }

  const ids = learners.map((l) => l.id);
  // One statement, so both figures come from the same snapshot (a request cut off when the
  // server stopped may still commit while we count).
  const [totals] = await handle.db
    .select({
      stored: sql<number>`(select count(*)::int from ${learningEvents} where ${inArray(learningEvents.userId, ids)})`,
      seconds: sql<number>`(select coalesce(sum(${moduleProgress.timeSpentSeconds}), 0)::int from ${moduleProgress} where ${inArray(moduleProgress.userId, ids)})`,
    })
    .from(sql`(select 1) as one`);
  const stored = { n: totals!.stored };
  const seconds = { total: totals!.seconds };
  await handle.close();
  // No batch answered "recorded" twice; no more events stored than sent; every stored event
  // carries 3 active seconds, and the server credits no more than the seconds since the module's
  // last reception (lib/progress/write-events-statement.ts), so the time counted may be less than
  // 3 s per stored event at this pace, never more.
  const recordedTwice = [...tally.recordedAnswers.values()].filter((n) => n > 1).length;
  const timeMatches = Number(seconds!.total) <= 3 * stored!.n;
  const duplicatesIgnored = tally.errors === 0 && recordedTwice === 0 && stored!.n <= tally.uniqueEvents && timeMatches;
  console.log(
    `sent ${tally.uniqueEvents} distinct events and ${tally.resends} resent batches; stored ${stored!.n} events (requests cut off by the end of a run may be stored unanswered); batches recorded twice: ${recordedTwice}; time spent ${seconds!.total} s ≤ 3 s × stored events: ${timeMatches}; server peak RSS ${server.peakRssMb()} MB`,
  );
  console.log(
    JSON.stringify({
      events_per_s: batched,
      duplicates_ignored: duplicatesIgnored,
      batch_size: BATCH,
      events_per_s_one_per_request: single,
      peak_rss_mb: server.peakRssMb(),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
