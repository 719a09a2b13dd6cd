import path from "node:path";
import type { DbHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed migrations that have not run yet; safe to run again. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgresql") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    // The handle's db is typed as the common supertype; the driver matches `kind`.
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }

  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(handle.db as never, { migrationsFolder });
}
