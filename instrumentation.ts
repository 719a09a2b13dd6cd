/** Runs once when the server starts (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfiguration } = await import("@/lib/startup/check-configuration");
  checkConfiguration();
  const [{ env }, { startReminderScheduler }] = await Promise.all([import("@/lib/env"), import("@/lib/reminders/reminder-scheduler")]);
  startReminderScheduler(env().REMINDERS_EVERY_MINUTES);
}
