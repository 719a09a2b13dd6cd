import { createDb } from "../client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../seed/demo";
import { env } from "@/lib/env";
import { runScript } from "./run-script";

runScript(async () => {
  const config = env();
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    const result = await seedDemo(handle.db);
    console.log(`[db] demo data ready (${handle.kind}: ${handle.location}); ${result.created} new account(s).`);
    console.log(`[db] Comptes de démonstration — mot de passe commun : ${DEMO_PASSWORD}`);
    for (const account of DEMO_ACCOUNTS) {
      console.log(`[db]   ${account.email.padEnd(26)} ${account.role.padEnd(8)} ${account.name}, ${account.description}`);
    }
  } finally {
    await handle.close();
  }
});
