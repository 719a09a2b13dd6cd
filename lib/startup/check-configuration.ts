import { EnvError, env } from "@/lib/env";

/** Reads the configuration once at start-up; a bad one stops the server, naming the variable. */
export function checkConfiguration(): void {
  try {
    const config = env();
    const database = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite (${config.PGLITE_DIR})`;
    console.log(`[vigie] database: ${database}`);
    // Without SMTP, /boite-mail shows every message to anyone: fine for a demo, not for real users.
    console.log(config.SMTP_URL ? `[vigie] mail: SMTP (${new URL(config.SMTP_URL).host})` : "[vigie] mail: no SMTP_URL, messages are kept and shown on /boite-mail (demo use only)");
    if (!config.DATABASE_URL) {
      // The embedded database is the demo set-up: say how to get in (README, "Demo accounts").
      console.log(`[vigie] sign in at http://localhost:${config.PORT}/connexion as admin@vigie.test, rssi@vigie.test or infirmiere@vigie.test (password vigie-demo-2026, from npm run db:seed)`);
    }
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  }
}
