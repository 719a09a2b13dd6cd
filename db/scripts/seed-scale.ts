import { createDb } from "../client";
import { seedScale } from "../seed/scale";
import { migrateDb } from "../migrate";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { env } from "@/lib/env";
import { refuseInProduction, runScript } from "./run-script";

// npm run db:seed:scale -- --learners=41500: the data set of benchmarks, into the database DATABASE_URL names.
runScript(async () => {
  const config = env();
  refuseInProduction(config, "npm run db:seed:scale");
  const learners = Number(process.argv.find((arg) => arg.startsWith("--learners="))?.split("=")[1] ?? 41_500);
  if (!Number.isInteger(learners) || learners < 50) throw new Error("--learners must be a whole number, 50 or more");
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await migrateDb(handle);
    const started = Date.now();
    const result = await seedScale(handle.db, { learners, catalogue: loadCatalogue(), log: console.log });
    if (result.skipped)
      console.log(
        `[seed:scale] a scale data set is already there (${result.establishments} establishments): nothing done.`,
      );
    else
      console.log(
        `[seed:scale] ${result.learners} learners in ${result.establishments} establishments (${handle.kind}: ${handle.location}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
  } finally {
    await handle.close();
  }
});
