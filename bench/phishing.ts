// npm run bench:phishing — a phishing exercise for a large establishment: BENCH_MESSAGES (default
// 5,000) people of a new establishment of the PostgreSQL that DATABASE_URL names, the exercise
// planned by the real launch (lib/phishing/launch-exercise.ts), its planned times then brought to
// now, and every message sent by the real sender (lib/phishing/send-due-messages.ts, with the real
// scenario) through real SMTP: an smtp-server sink started here on 127.0.0.1, each message read to
// its end. Then the landing page of the messages' links, served by the production build (`npm run
// build` first), at 8 connections for BENCH_SECONDS (default 20), each request a different link
// (every GET is recorded as an automatic opening: a write, as a mail scanner's request is).
// The per-establishment rate (PHISHING_SEND_PER_MINUTE, 60 by default) would make the send last
// BENCH_MESSAGES / 60 minutes: unless set, the bench sets it to BENCH_MESSAGES for the run, and
// says so. Last line: one JSON object.
import { sql } from "drizzle-orm";
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { memberships, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { int, selectRows } from "@/lib/read-model/sql-rows";
import { startSmtpSink } from "../tests/support/smtp-sink";
import { ensureBuild, startServer } from "./support/bench-server";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3214);
const CONNECTIONS = 8;
const SCENARIO = "colis-pharmacie-pui";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL database (the bench writes to it).");
  ensureBuild();
  const sink = await startSmtpSink();
  // Read once by lib/env.ts: set before anything reads the settings.
  process.env.SMTP_URL = process.env.BENCH_SMTP_URL ?? sink.url;
  const rateSet = process.env.PHISHING_SEND_PER_MINUTE === undefined;
  if (rateSet) process.env.PHISHING_SEND_PER_MINUTE = String(MESSAGES);
  const { env } = await import("@/lib/env");
  const perMinute = env().PHISHING_SEND_PER_MINUTE;
  console.log(
    rateSet
      ? `PHISHING_SEND_PER_MINUTE set to ${perMinute} for this run (the default, 60 a minute, would make the send last ${Math.ceil(MESSAGES / 60)} minutes)`
      : `PHISHING_SEND_PER_MINUTE=${perMinute} as given${perMinute < MESSAGES ? ": it caps the rate measured" : ""}`,
  );
  const [
    { createExercise },
    { launchExercise },
    { sendDueMessages },
    { getPhishingScenario, renderPhishingMessage },
    { parisToday },
    { closeMail },
  ] = await Promise.all([
    import("@/lib/phishing/create-exercise"),
    import("@/lib/phishing/launch-exercise"),
    import("@/lib/phishing/send-due-messages"),
    import("@/lib/phishing/scenarios"),
    import("@/lib/phishing/plan-send-times"),
    import("@/lib/mail/send-mail"),
  ]);

  const handle = await createDb({ databaseUrl });
  await migrateDb(handle);
  const db = handle.db;
  const centreId = (await createOrganisation(db, { kind: "centre" })).id;
  const organisationId = (await createOrganisation(db, { parentId: centreId, name: `Bench hameçonnage ${Date.now()}` }))
    .id;
  const manager = await createUser(db, { organisationId, role: "manager" });
  const prefix = `hameconnage-${organisationId.slice(0, 8)}`;
  // The manager has an address too: one message of the MESSAGES is theirs.
  const learners = MESSAGES - 1;
  for (let start = 0; start < learners; start += 1000) {
    const count = Math.min(1000, learners - start);
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `Agent ${start + i}`,
          email: `${prefix}-${start + i}@vigie.test`,
        })),
      )
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values(rows.map((row) => ({ userId: row.id, organisationId, role: "learner" as const })));
  }
  const actor = (await loadActor(db, manager.id))!;

  // Planning: the manager's launch, as the page runs it.
  const now = new Date();
  const exercise = await createExercise(db, {
    actor,
    organisationId,
    values: {
      scenarioId: SCENARIO,
      teamIds: [],
      windowStartsOn: parisToday(now),
      workingDays: 5,
      assignModuleOnClick: true,
    },
    scenarioIds: [SCENARIO],
    now,
  });
  const planStart = performance.now();
  const { planned } = await launchExercise(db, {
    actor,
    organisationId,
    exerciseId: exercise.id,
    staffInformed: true,
    now,
  });
  const planMs = performance.now() - planStart;
  if (planned !== MESSAGES) throw new Error(`planned ${planned} messages, not ${MESSAGES}`);
  // The planned times are spread over working days: bring them to now, as if the window had passed.
  await db.execute(
    sql`update phishing_recipients set planned_at = now() - interval '1 second' where exercise_id = ${exercise.id}::uuid`,
  );
  console.log(`${MESSAGES} messages planned in ${Math.round(planMs)} ms; SMTP sink on 127.0.0.1:${sink.port}`);

  // Sending: runs of the real sender until every message is claimed, then until the sink has them all.
  const scenario = getPhishingScenario(SCENARIO);
  if (!scenario) throw new Error(`no scenario ${SCENARIO} in courses/phishing`);
  const tokens: string[] = [];
  const landing = (token: string) => `http://localhost:${PORT}/exercice/${token}`;
  const sendStart = performance.now();
  let runs = 0;
  for (let claimed = 0; claimed < MESSAGES && runs < 1000; runs++) {
    const counts = await sendDueMessages(db, {
      now: new Date(),
      perEstablishmentPerMinute: perMinute,
      landingUrl: (token) => {
        tokens.push(token);
        return landing(token);
      },
      render: (_id, link) => renderPhishingMessage(scenario, link),
    });
    claimed += counts.claimed;
    if (counts.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const sendMs = performance.now() - sendStart;
  // This exercise's messages only: another exercise of the database may have been due too.
  const [arrived] = await selectRows(
    db,
    sql`select count(*) filter (where delivered_at is not null) as delivered from phishing_recipients
      where exercise_id = ${exercise.id}::uuid`,
    (row) => int(row, "delivered"),
  );
  const sendPerS = Math.round((arrived! / sendMs) * 1000);
  console.log(
    `${arrived} messages sent in ${Math.round(sendMs)} ms over ${runs} sender run(s): ${sendPerS} messages/s; the sink received ${sink.received.length}`,
  );
  if (arrived !== MESSAGES || sink.received.length < MESSAGES) throw new Error("every message must arrive");
  await closeMail();
  await handle.close();
  await sink.close();

  // The landing page, as the production build serves it.
  const server = await startServer(PORT, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: "20",
    PHISHING_SEND_EVERY_SECONDS: "0",
    REMINDERS_EVERY_MINUTES: "0",
  });
  let figures: { rps: number; p50_ms: number; p95_ms: number };
  try {
    const check = await fetch(landing(tokens[0]!), { redirect: "manual" });
    const body = await check.text();
    if (check.status !== 200 || body.includes("Lien inconnu"))
      throw new Error(`the landing page answered ${check.status}`);
    figures = await measureLanding(server.url, tokens.slice(1, 2001));
  } finally {
    await server.stop();
  }

  const cleanup = await createDb({ databaseUrl });
  // The establishment first: its centre cannot go while it is there.
  await cleanup.db.execute(sql`delete from organisations where id = ${organisationId}::uuid`);
  await cleanup.db.execute(sql`delete from organisations where id = ${centreId}::uuid`);
  await cleanup.db.execute(sql`delete from mail_outbox where "to" like ${`${prefix}-%`} or "to" = ${manager.email}`);
  await cleanup.db.execute(sql`delete from users where email like ${`${prefix}-%`} or id = ${manager.id}::uuid`);
  await cleanup.close();
  console.log(
    JSON.stringify({
      messages: arrived,
      send_per_s: sendPerS,
      landing_p95_ms: figures.p95_ms,
      landing_p50_ms: figures.p50_ms,
      landing_rps: figures.rps,
      plan_ms: Math.round(planMs),
      send_ms: Math.round(sendMs),
      sender_runs: runs,
      send_per_minute_setting: perMinute,
      connections: CONNECTIONS,
    }),
  );
  process.exit(0);
}

/**
 * The landing page at CONNECTIONS connections for SECONDS, each connection going through the
 * links from its own starting point (so that no two ask for the same link at once), with our own
 * latency histogram for an exact p95. Any error or non-2xx answer fails the run.
 */
async function measureLanding(baseUrl: string, tokens: string[]) {
  const paths = tokens.map((token) => ({ method: "GET" as const, path: `/exercice/${token}` }));
  const latencies = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10_000,
    numberOfSignificantValueDigits: 3,
  });
  let client = 0;
  const run = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths,
    setupClient: (c: { setRequests: (requests: typeof paths) => void }) => {
      const offset = Math.floor((client++ * paths.length) / CONNECTIONS);
      c.setRequests([...paths.slice(offset), ...paths.slice(0, offset)]);
    },
    histograms: { latencies },
  } as unknown as autocannon.Options);
  if (run.non2xx > 0 || run.errors > 0) throw new Error(`landing: ${run.non2xx} non-2xx and ${run.errors} errors`);
  const figures = {
    rps: Math.round(run.requests.average),
    p50_ms: run.latency.p50,
    p95_ms: latencies.getValueAtPercentile(95),
  };
  console.log(
    `landing page at ${CONNECTIONS} connections: ${figures.rps} req/s, p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`,
  );

  return figures;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
