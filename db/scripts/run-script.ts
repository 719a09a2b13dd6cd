import { type Env, EnvError, appMode } from "@/lib/env";
import { EmbeddedDatabaseInUseError } from "../embedded-lock";

/**
 * Stops a demo-data command in production mode: it makes accounts with a published password.
 * Tests and trials on PostgreSQL say VIGIE_MODE=demo.
 */
export function refuseInProduction(config: Env, command: string): void {
  if (appMode(config) === "demo") return;
  console.error(
    `[db] ${command} refused: production mode (DATABASE_URL is set and VIGIE_MODE is not "demo"). The demo data's accounts share a published password; seed a demonstration database with VIGIE_MODE=demo only.`,
  );
  process.exit(1);
}

/** Runs a command-line task, printing configuration errors plainly and exiting non-zero. */
export function runScript(task: () => Promise<void>): void {
  task().catch((error: unknown) => {
    if (error instanceof EnvError || error instanceof EmbeddedDatabaseInUseError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
