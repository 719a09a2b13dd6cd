// npm run db:purge — removes expired tokens and links, and what is past the retention settings
// (AUDIT_LOG_RETENTION_MONTHS, MAIL_OUTBOX_RETENTION_DAYS), for deployments that prefer cron.
import { createDb } from "@/db/client";
import { env } from "@/lib/env";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { runScript } from "./run-script";

runScript(async () => {
  const config = env();
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR, poolMax: 1 });
  try {
    const counts = await purgeExpiredData(handle.db);
    console.log(
      `[retention] audit log kept ${config.AUDIT_LOG_RETENTION_MONTHS} months, outbox ${config.MAIL_OUTBOX_RETENTION_DAYS} days`,
    );
    console.log(JSON.stringify(counts));
  } finally {
    await handle.close();
  }
});
