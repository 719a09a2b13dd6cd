import { createDb } from "../client";
import { migrateDb } from "../migrate";
import { env } from "@/lib/env";
import { runScript } from "./run-script";

runScript(async () => {
  const config = env();
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await migrateDb(handle);
    console.log(`[db] migrations applied (${handle.kind}: ${handle.location})`);
  } finally {
    await handle.close();
  }
});
