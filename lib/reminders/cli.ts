// npm run reminders:send — one automatic reminder run, for deployments that prefer cron.
import { createDb } from "@/db/client";
import { runScript } from "@/db/scripts/run-script";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { env } from "@/lib/env";
import { closeMail } from "@/lib/mail/send-mail";
import { sendAutomaticReminders } from "./send-automatic-reminders";

runScript(async () => {
  const config = env();
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR, poolMax: 2 });
  try {
    const started = Date.now();
    const counts = await sendAutomaticReminders(handle.db, { catalogue: loadCatalogue(), asOf: new Date() });
    const sent = counts.reduce((sum, c) => sum + c.beforeDue + c.afterDue, 0);
    console.log(
      `[reminders] ${sent} reminder(s) sent for ${counts.length} establishment(s) with automatic reminders on`,
    );
    console.log(JSON.stringify({ sent, milliseconds: Date.now() - started, establishments: counts }));
  } finally {
    await closeMail();
    await handle.close();
  }
});
