/**
 * Failures that mean "the database cannot serve this now, try again shortly" rather than a bug:
 * PostgreSQL down or restarting, a statement or lock timeout, no connection free in the pool.
 * They answer 503 with Retry-After (lib/errors.ts) and are logged as one line.
 */

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

// 57014 statement_timeout, 55P03 lock_timeout, 57P0x server shutting down or starting,
// 53300 too many connections, 53400 configuration limit; class 08 (below) is any connection failure.
const SQLSTATES = new Set(["57014", "55P03", "57P01", "57P02", "57P03", "53300", "53400"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);
// node-postgres and pg-pool report these as plain Errors without a code.
const MESSAGES = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "Client has encountered a connection error",
  "Cannot use a pool after calling end",
  "the embedded database is closing",
];

/** The error itself and every error it wraps (drizzle's `cause`, an AggregateError's list). */
function* chain(error: unknown, depth = 0): Generator<unknown> {
  if (error == null || depth > 6) return;
  yield error;
  if (error instanceof AggregateError) for (const inner of error.errors) yield* chain(inner, depth + 1);
  if (error instanceof Error && error.cause) yield* chain(error.cause, depth + 1);
}

function reasonOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = "code" in error ? String(error.code) : "";
  if (SQLSTATES.has(code) || code.startsWith("08")) return `${code} ${error.message}`;
  if (SOCKET_CODES.has(code)) return code;
  const message = MESSAGES.find((text) => error.message.includes(text));

  return message ? error.message : undefined;
}

/** Whether the failure is the database's unavailability (503), not a fault of the request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const item of chain(error)) if (reasonOf(item)) return true;

  return false;
}

/**
 * One log line for an unavailability: the reason and the statement that failed (its text
 * only, never its parameters, which may hold personal data).
 */
export function describeDatabaseFailure(error: unknown): string {
  let reason = "unavailable";
  let statement: string | undefined;
  for (const item of chain(error)) {
    reason = reasonOf(item) ?? reason;
    if (!statement && item instanceof Error && "query" in item && typeof item.query === "string")
      statement = item.query;
  }
  const text = statement ? statement.replace(/\s+/g, " ").slice(0, 200) : "(no statement: connecting)";

  return `[db] unavailable: ${reason.replace(/\s+/g, " ")}; statement: ${text}`;
}

/**
 * Makes every console.error of an unavailability one line (describeDatabaseFailure): Next.js
 * logs a failed page itself, with the whole driver error and the statement's parameters.
 */
export function logDatabaseFailuresOnOneLine(): void {
  const store = globalThis as typeof globalThis & { __vigieOneLineDbErrors?: boolean };
  if (store.__vigieOneLineDbErrors) return;
  store.__vigieOneLineDbErrors = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) =>
    original(
      ...args.map((arg) => (arg instanceof Error && isDatabaseUnavailable(arg) ? describeDatabaseFailure(arg) : arg)),
    );
}
