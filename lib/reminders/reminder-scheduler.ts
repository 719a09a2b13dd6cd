import { getDb } from "@/db/client";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { runRetentionPurgeOnce } from "@/lib/retention/run-retention-purge";
import { sendAutomaticReminders } from "./send-automatic-reminders";

type GlobalWithScheduler = typeof globalThis & { __vigieReminderTimer?: NodeJS.Timeout };

/** Runs the automatic reminders once and logs each establishment's counts; never throws. */
export async function runAutomaticRemindersOnce(): Promise<void> {
  try {
    const { db } = await getDb();
    const counts = await sendAutomaticReminders(db, { catalogue: getCatalogue(), asOf: new Date() });
    const total = counts.reduce((sum, c) => sum + c.beforeDue + c.afterDue, 0);
    console.log(`[reminders] automatic run: ${total} sent, ${JSON.stringify(counts)}`);
  } catch (error) {
    console.error("[reminders] automatic run failed:", error);
  }
}

/**
 * Starts the in-process scheduler: a run every `everyMinutes` minutes (the first one after one
 * period, not at start-up), at most one run at a time in this process, each followed by the
 * retention purge. Other instances may run too: reminders are claimed under a row lock, so none
 * is sent twice.
 */
export function startReminderScheduler(everyMinutes: number): void {
  const store = globalThis as GlobalWithScheduler;
  if (everyMinutes <= 0 || store.__vigieReminderTimer) return;
  let running = false;
  store.__vigieReminderTimer = setInterval(() => {
    if (running) return;
    running = true;
    // The retention purge rides on the same timer (it is idempotent, like the reminders' claims).
    void runAutomaticRemindersOnce()
      .then(runRetentionPurgeOnce)
      .finally(() => {
        running = false;
      });
  }, everyMinutes * 60_000);
  store.__vigieReminderTimer.unref();
  console.log(`[reminders] automatic reminders and the retention purge run every ${everyMinutes} minutes`);
}
