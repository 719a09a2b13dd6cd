// npm run bench:reminders — a manager's "Relancer tous" in a large establishment: BENCH_LEARNERS
// (default 2,000) late learners in a new establishment of the PostgreSQL that DATABASE_URL names,
// reminded at once through real SMTP (an smtp-server sink started here on 127.0.0.1, each message
// read to its end). Prints the time the manager waits, per learner, and the messages the sink
// received; then a second "Relancer tous", which must send nothing (the interval). Last line: one
// JSON object.
import { eq } from "drizzle-orm";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { assignments, memberships, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { startSmtpSink } from "../tests/support/smtp-sink";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 2000);

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL database (the bench writes to it).");
  const sink = await startSmtpSink();
  // Read once by lib/env.ts: set before anything reads the settings.
  process.env.SMTP_URL = process.env.BENCH_SMTP_URL ?? sink.url;
  const { remindLearners } = await import("@/lib/reminders/remind-learners");

  const handle = await createDb({ databaseUrl });
  await migrateDb(handle);
  const db = handle.db;
  const catalogue = loadCatalogue();
  const centreId = (await createOrganisation(db, { kind: "centre" })).id;
  const organisationId = (await createOrganisation(db, { parentId: centreId, name: `Bench relances ${Date.now()}` }))
    .id;
  const manager = await createUser(db, { organisationId, role: "manager" });
  const seedStart = performance.now();
  for (let start = 0; start < LEARNERS; start += 500) {
    const count = Math.min(500, LEARNERS - start);
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `Agent ${start + i}`,
          email: `relance-${organisationId.slice(0, 8)}-${start + i}@vigie.test`,
        })),
      )
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values(rows.map((row) => ({ userId: row.id, organisationId, role: "learner" as const })));
  }
  await db
    .insert(assignments)
    .values({ organisationId, subjectType: "path", subjectId: catalogue.paths[0]!.id, dueOn: "2026-01-15" });
  console.log(
    `${LEARNERS} late learners in ${Math.round(performance.now() - seedStart)} ms; SMTP sink on 127.0.0.1:${sink.port}`,
  );
  const actor = (await loadActor(db, manager.id))!;
  const asOf = new Date();

  const start = performance.now();
  const first = await remindLearners(db, { actor, organisationId, target: "late", catalogue, asOf });
  const remindMs = performance.now() - start;
  const againStart = performance.now();
  const again = await remindLearners(db, { actor, organisationId, target: "late", catalogue, asOf: new Date() });
  const againMs = performance.now() - againStart;
  console.log(
    `"Relancer tous": ${first.sent} sent in ${Math.round(remindMs)} ms (${(remindMs / Math.max(1, first.sent)).toFixed(2)} ms per learner); the sink received ${sink.received.length}`,
  );
  console.log(`again at once: ${again.sent} sent, ${again.recent} reminded too recently, in ${Math.round(againMs)} ms`);
  if (first.sent !== LEARNERS || sink.received.length !== LEARNERS || again.sent !== 0)
    throw new Error("every late learner must get exactly one reminder");

  await db.delete(users).where(eq(users.id, manager.id));
  await handle.close();
  await sink.close();
  console.log(
    JSON.stringify({
      learners: LEARNERS,
      sent: first.sent,
      remind_all_ms: Math.round(remindMs),
      per_learner_ms: Math.round((remindMs / first.sent) * 100) / 100,
      smtp_received: sink.received.length,
      again_sent: again.sent,
      again_ms: Math.round(againMs),
    }),
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
