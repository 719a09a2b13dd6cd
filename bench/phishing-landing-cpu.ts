// npm run bench:phishing-cpu — the server's CPU time per request (user + system of its process
// tree, from /proc, as bench:pages-cpu) for an exercise link's landing page, one request at a time
// (BENCH_REQUESTS, default 1,000, after 150 to warm up), each request a different link of a sent
// exercise, against the production build on the PostgreSQL that DATABASE_URL names: as a mail
// scanner asks (no cookie), as a signed-in member of the establishment asks, and the plain page of
// an unknown link (the root layout and a paragraph: the page's floor in this application). CPU time
// per request varies less than requests per second on a shared machine (docs/performance.md).
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { memberships, phishingExercises, phishingRecipients, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { hashRecipientToken, newRecipientToken } from "@/lib/phishing/recipient-token";
import {
  loadAverage,
  measureCpuPerRequest,
  openBenchDatabase,
  signIn,
  startServer,
  type CpuPerRequest,
} from "./support/bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3215);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const WARM_UP = 150;
/** A running exercise of a new establishment with `count` sent messages; their tokens. */
async function sentExercise(db: Awaited<ReturnType<typeof createDb>>["db"], organisationId: string, count: number) {
  const [exercise] = await db
    .insert(phishingExercises)
    .values({
      organisationId,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: new Date().toISOString().slice(0, 10),
      workingDays: 5,
      state: "running",
      staffInformedAt: new Date(),
      launchedAt: new Date(),
    })
    .returning({ id: phishingExercises.id });
  const tokens: string[] = [];
  const prefix = `landing-cpu-${organisationId.slice(0, 8)}`;
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const people = await db
      .insert(users)
      .values(
        Array.from({ length: size }, (_, i) => ({
          name: `Agent ${start + i}`,
          email: `${prefix}-${start + i}@vigie.test`,
        })),
      )
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values(people.map((p) => ({ userId: p.id, organisationId, role: "learner" as const })));
    const batch = people.map(() => newRecipientToken());
    tokens.push(...batch);
    const sentAt = new Date();
    await db.insert(phishingRecipients).values(
      people.map((p, i) => ({
        exerciseId: exercise!.id,
        organisationId,
        userId: p.id,
        plannedAt: sentAt,
        sentAt,
        deliveredAt: sentAt,
        tokenHash: hashRecipientToken(batch[i]!),
      })),
    );
  }

  return { tokens, prefix };
}

async function main() {
  const { databaseUrl, handle } = await openBenchDatabase();
  const centreId = (await createOrganisation(handle.db, { kind: "centre" })).id;
  const organisationId = (await createOrganisation(handle.db, { parentId: centreId })).id;
  const member = await createUser(handle.db, { organisationId, password: DEMO_PASSWORD });
  const perCase = WARM_UP + REQUESTS;
  const { tokens, prefix } = await sentExercise(handle.db, organisationId, 2 * perCase);
  await handle.close();

  const server = await startServer(PORT, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: "20",
    PHISHING_SEND_EVERY_SECONDS: "0",
    REMINDERS_EVERY_MINUTES: "0",
  });
  const figures: Record<string, CpuPerRequest> = {};
  try {
    const cookie = await signIn(server.url, member.email!, DEMO_PASSWORD);
    const unknown = newRecipientToken();
    const cases = {
      landing: { links: tokens.slice(0, perCase), cookie: undefined, plain: false },
      landing_signed_in: { links: tokens.slice(perCase), cookie, plain: false },
      plain_page: { links: Array.from({ length: perCase }, () => unknown), cookie: undefined, plain: true },
    };
    for (const [name, { links, cookie: sent, plain }] of Object.entries(cases)) {
      const get = async (token: string) => {
        const response = await fetch(`${server.url}/exercice/${token}`, { headers: sent ? { cookie: sent } : {} });
        const html = await response.text();
        if (response.status !== 200 || html.includes("Lien inconnu") !== plain)
          throw new Error(`${name} answered ${response.status}${plain ? "" : " with the plain page"}`);
        return html.length;
      };
      figures[name] = await measureCpuPerRequest(server.pid, (i) => get(links[i]!), {
        warmUp: WARM_UP,
        requests: REQUESTS,
      });
    }
  } finally {
    await server.stop();
  }

  const cleanup = await createDb({ databaseUrl });
  await cleanup.db.execute(sql`delete from organisations where id = ${organisationId}::uuid`);
  await cleanup.db.execute(sql`delete from organisations where id = ${centreId}::uuid`);
  await cleanup.db.execute(sql`delete from users where email like ${`${prefix}-%`} or id = ${member.id}::uuid`);
  await cleanup.close();
  console.log(JSON.stringify({ ...figures, requests: REQUESTS, load_average: loadAverage() }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
