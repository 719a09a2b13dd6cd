import { EnvError, appMode, configurationIssues, env } from "@/lib/env";

/**
 * Reads the configuration once at start-up. A malformed setting, or in production mode a missing
 * or unsafe one, stops the server with one message naming each of them.
 */
export function checkConfiguration(): void {
  const issues = configurationIssues(process.env);
  if (issues.length > 0) {
    const error = new EnvError(issues);
    const hint =
      '\nProduction needs every setting above (README, "Production settings"); for a demonstration on the embedded database, leave DATABASE_URL unset or set VIGIE_MODE=demo.';
    console.error(error.message + hint);
    process.exit(1);
  }
  const config = env();
  const mode = appMode(config);
  const database = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite (${config.PGLITE_DIR})`;
  console.log(`[vigie] mode: ${mode}; database: ${database}`);
  console.log(
    config.SMTP_URL
      ? `[vigie] mail: SMTP (${new URL(config.SMTP_URL).host})`
      : "[vigie] mail: no SMTP_URL, messages are kept and shown on /boite-mail (demo mode only)",
  );
  if (mode === "demo") {
    // The demo set-up: say how to get in (README, "Demo accounts"), and that it is not for real data.
    console.log(
      `[vigie] DEMONSTRATION: not for real people's data. Sign in at http://localhost:${config.PORT}/connexion as admin@vigie.test, rssi@vigie.test or infirmiere@vigie.test (password vigie-demo-2026, from npm run db:seed)`,
    );
  }
}
