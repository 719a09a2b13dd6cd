import { getDb } from "@/db/client";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { env } from "@/lib/env";
import { runRetentionPurgeOnce } from "@/lib/retention/run-retention-purge";
import { SchedulerLeadership } from "@/lib/scheduled-work/scheduler-leadership";
import { runPhishingSenderOnce } from "@/lib/phishing/phishing-sender";
import { sendAutomaticReminders } from "./send-automatic-reminders";

type Scheduler = { timers: NodeJS.Timeout[]; leadership: SchedulerLeadership };
type GlobalWithScheduler = typeof globalThis & { __vigieReminderScheduler?: Scheduler };

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
 * Starts the in-process scheduler: every `everyMinutes` minutes (the first run one period after
 * start-up), the instance that leads (SchedulerLeadership: one among all the instances on the
 * database) runs the automatic reminders, then the retention purge, at most one run at a time.
 * The others stand by and ask for the lead again each period, so one takes over when the
 * leader stops. (Both are idempotent anyway: reminders are claimed under a row lock.)
 */
export function startReminderScheduler(everyMinutes: number, phishingEverySeconds = 0): void {
  const store = globalThis as GlobalWithScheduler;
  if ((everyMinutes <= 0 && phishingEverySeconds <= 0) || store.__vigieReminderScheduler) return;
  const leadership = new SchedulerLeadership(env().DATABASE_URL);
  let running = false;
  const tick = async () => {
    if (running || !(await leadership.isLeader())) return;
    running = true;
    await runAutomaticRemindersOnce()
      .then(runRetentionPurgeOnce)
      .finally(() => (running = false));
  };
  // The phishing sender runs apart, more often (messages go at their planned minute), under
  // the same lead; its messages are claimed row by row too (lib/phishing/send-due-messages.ts).
  let sending = false;
  const send = async () => {
    if (sending || !(await leadership.isLeader())) return;
    sending = true;
    await runPhishingSenderOnce().finally(() => (sending = false));
  };
  const timers = [
    ...(everyMinutes > 0 ? [setInterval(() => void tick(), everyMinutes * 60_000)] : []),
    ...(phishingEverySeconds > 0 ? [setInterval(() => void send(), phishingEverySeconds * 1_000)] : []),
  ];
  for (const timer of timers) timer.unref();
  store.__vigieReminderScheduler = { timers, leadership };
  void leadership
    .isLeader()
    .then((leads) =>
      console.log(
        leads
          ? `[scheduled-work] this instance runs the automatic reminders and the retention purge, every ${everyMinutes} minutes`
          : "[scheduled-work] another instance runs the automatic reminders and the retention purge; this one stands by",
      ),
    );
}

/** Stops the scheduler and gives the lead up (clean shutdown). */
export async function stopReminderScheduler(): Promise<void> {
  const store = globalThis as GlobalWithScheduler;
  const scheduler = store.__vigieReminderScheduler;
  store.__vigieReminderScheduler = undefined;
  if (!scheduler) return;
  for (const timer of scheduler.timers) clearInterval(timer);
  await scheduler.leadership.release();
}
