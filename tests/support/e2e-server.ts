import path from "node:path";
import { assertLocalDatabase } from "./assert-local-database";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3111);
/** Learners seeded per project for the tests that each need a fresh one (fixtures.ts learnerEmail). */
export const E2E_LEARNERS = 80;
// Next.js and Auth.js build URLs with "localhost"; bind and browse with the same name (STACK.md §10.9).
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

/**
 * The environment of the server under test: the PostgreSQL named by DATABASE_URL (local only),
 * or a fresh PGlite folder per run.
 */
export function e2eServerEnv(): Record<string, string> {
  const databaseUrl = process.env.DATABASE_URL ?? "";
  if (databaseUrl) assertLocalDatabase(databaseUrl);
  const runId = process.env.E2E_RUN_ID ?? String(Date.now());
  process.env.E2E_RUN_ID = runId;

  return {
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // The production build in demo mode, on either database: the tests read /boite-mail and
    // sign in with the seeded demo accounts. Production mode has its own tests (tests/e2e/production).
    VIGIE_MODE: "demo",
    PORT: String(E2E_PORT),
    APP_URL: E2E_BASE_URL,
    // The SSO tests run an OpenID provider on http://127.0.0.1 (refused in production otherwise).
    SSO_ALLOW_LOOPBACK_HTTP: "true",
    DATABASE_URL: databaseUrl,
    PGLITE_DIR: path.join(".data", `e2e-${runId}`),
    REMINDERS_EVERY_MINUTES: "0",
    // Exercise messages would land in the shared mailbox other specs read; specs that need them start their own server.
    PHISHING_SEND_EVERY_SECONDS: "0",
    // The e2e seed has a second root centre (the matrix's "admin of another centre"): the demo
    // centre runs the instance (db/seed/demo.ts DEMO_CENTRE_SLUG), as one would be named in production.
    OPERATOR_CENTRE: "centre-regional-demo",
  };
}
