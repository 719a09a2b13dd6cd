// Prints EXPLAIN (ANALYZE, BUFFERS) of the dashboard, most-missed-questions and learner-list statements for the largest
// scale establishment in DATABASE_URL (seeded by bench:reports). A profiling aid, not a bench.
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { selectRows, text } from "@/lib/read-model/sql-rows";

async function main() {
  const handle = await createDb({ databaseUrl: process.env.DATABASE_URL! });
  const catalogue = loadCatalogue();
  const [largest] = await selectRows(
    handle.db,
    sql`select o.id from organisations o join memberships m on m.organisation_id = o.id and m.role = 'learner' where o.slug like 'scale-%' group by o.id order by count(*) desc limit 1`,
    (row) => ({ id: text(row, "id") }),
  );
  const organisationId = largest!.id;
  const original = handle.db.execute.bind(handle.db);
  // Wrap every statement the report functions run in EXPLAIN ANALYZE and print the plan.
  (handle.db as unknown as { execute: (q: unknown) => Promise<unknown> }).execute = async (query: unknown) => {
    const plan = await selectRows(
      { execute: original },
      sql`explain (analyze, buffers) ${query as ReturnType<typeof sql>}`,
      (row) => String(Object.values(row)[0]),
    );
    console.log(plan.join("\n"), "\n---");
    return original(query as ReturnType<typeof sql>);
  };
  const which = process.argv[2] ?? "dashboard";
  const asOf = new Date();
  if (which === "dashboard") {
    const { getDashboard } = await import("@/lib/reports/get-dashboard");
    await getDashboard(handle.db, { organisationId, catalogue, asOf, teams: [] });
  } else if (which === "missed") {
    const { mostMissedQuestions } = await import("@/lib/reports/most-missed-questions");
    await mostMissedQuestions(handle.db, { organisationId, catalogue, asOf });
  } else if (which === "list") {
    const { listLearners } = await import("@/lib/reports/list-learners");
    const { learnerFiltersSchema } = await import("@/lib/reports/learner-filters");
    await listLearners(handle.db, { organisationId, catalogue, asOf, filters: learnerFiltersSchema.parse({}) });
  } else {
    const { getRegionReport } = await import("@/lib/region/get-region-report");
    const { loadActor } = await import("@/lib/auth/load-actor");
    const [admin] = await selectRows(
      { execute: original },
      sql`select m.user_id from memberships m join organisations o on o.id = m.organisation_id where m.role = 'admin' and o.kind = 'centre' limit 1`,
      (row) => ({ user_id: text(row, "user_id") }),
    );
    await getRegionReport(handle.db, { actor: (await loadActor(handle.db, admin!.user_id))!, asOf });
  }
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
