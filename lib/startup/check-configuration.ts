import { EnvError, env } from "@/lib/env";

/** Reads the configuration once at start-up; a bad one stops the server, naming the variable. */
export function checkConfiguration(): void {
  try {
    const config = env();
    const database = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite (${config.PGLITE_DIR})`;
    console.log(`[vigie] database: ${database}`);
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  }
}
