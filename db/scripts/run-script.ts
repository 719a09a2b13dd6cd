import { EnvError } from "@/lib/env";
import { EmbeddedDatabaseInUseError } from "../embedded-lock";

/** Runs a command-line task, printing configuration errors plainly and exiting non-zero. */
export function runScript(task: () => Promise<void>): void {
  task().catch((error: unknown) => {
    if (error instanceof EnvError || error instanceof EmbeddedDatabaseInUseError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
