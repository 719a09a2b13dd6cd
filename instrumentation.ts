import type { Instrumentation } from "next";
import { isDatabaseUnavailable, logDatabaseFailuresOnOneLine } from "@/db/database-unavailable";

type ProcessHooks = typeof globalThis & {
  /** Set by server.mjs (`npm start`): the request whose database was unavailable answers 503. */
  __vigieMarkUnavailable?: (requestId: string) => void;
  /** Called by server.mjs once the requests in flight are finished. */
  __vigieShutdown?: () => Promise<void>;
};

/** Runs once when the server starts (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  logDatabaseFailuresOnOneLine();
  const [{ stampPeerAddress }, { checkConfiguration }] = await Promise.all([
    import("@/lib/http/stamp-peer-address"),
    import("@/lib/startup/check-configuration"),
  ]);
  // Before anything answers: the client's address comes from the socket (lib/http/client-address.ts).
  stampPeerAddress();
  checkConfiguration();
  const [
    { env },
    { startReminderScheduler, stopReminderScheduler },
    { closeDb },
    { closeMail },
    { serveEmbeddedBackups },
  ] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/reminders/reminder-scheduler"),
    import("@/db/client"),
    import("@/lib/mail/send-mail"),
    import("@/db/embedded-backup"),
  ]);
  startReminderScheduler(env().REMINDERS_EVERY_MINUTES, env().PHISHING_SEND_EVERY_SECONDS);
  serveEmbeddedBackups();
  (globalThis as ProcessHooks).__vigieShutdown = async () => {
    await stopReminderScheduler();
    await Promise.all([closeMail(), closeDb()]);
  };
}

/**
 * A page or action that failed because the database is down or too slow answers 503 (Next.js
 * has logged it already, as one line: logDatabaseFailuresOnOneLine).
 */
export const onRequestError: Instrumentation.onRequestError = (error, request) => {
  if (!isDatabaseUnavailable(error)) return;
  const id = request.headers["x-vigie-request"];
  if (typeof id === "string") (globalThis as ProcessHooks).__vigieMarkUnavailable?.(id);
};
