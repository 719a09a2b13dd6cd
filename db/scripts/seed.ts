import { createDb } from "../client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo, seedE2eLearners } from "../seed/demo";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { seedE2eReminderLearners } from "../seed/e2e-reminders";
import { env } from "@/lib/env";
import { seedE2eEstablishments } from "../seed/e2e-establishments";
import { seedE2ePhishing } from "../seed/e2e-phishing";
import { seedE2ePhishingPeople } from "../seed/e2e-phishing-people";
import { seedDemoSecondFactors } from "../seed/demo-second-factors";
import { refuseInProduction, runScript } from "./run-script";

runScript(async () => {
  const config = env();
  refuseInProduction(config, "npm run db:seed");
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    const result = await seedDemo(handle.db);
    // Only the end-to-end test server asks for these (see tests/playwright.config.ts).
    const e2e = process.argv.find((arg) => arg.startsWith("--e2e-learners="));
    if (e2e) {
      await seedE2eLearners(handle.db, ["desktop", "phone"], Number(e2e.split("=")[1]));
      const catalogue = loadCatalogue();
      const establishments = await seedE2eEstablishments(handle.db, catalogue);
      await seedE2ePhishing(handle.db, catalogue, establishments);
      await seedE2ePhishingPeople(handle.db, establishments);
      await seedE2eReminderLearners(handle.db, ["desktop", "phone"]);
    }
    await seedDemoSecondFactors(handle.db);
    console.log(`[db] demo data ready (${handle.kind}: ${handle.location}); ${result.created} new account(s).`);
    console.log(`[db] Comptes de démonstration — mot de passe commun : ${DEMO_PASSWORD}`);
    for (const account of DEMO_ACCOUNTS) {
      console.log(
        `[db]   ${account.email.padEnd(26)} ${account.role.padEnd(8)} ${account.name}, ${account.description}`,
      );
    }
    console.log(
      `[db] Double authentification des responsables et de l'administrateur — clé TOTP commune : ${DEMO_TOTP_SECRET}`,
    );
  } finally {
    await handle.close();
  }
});
