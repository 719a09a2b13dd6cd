import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
export const readModelFolder = path.join(process.cwd(), "db", "read-model");

/**
 * Applies the committed migrations that have not run yet, then today's read model (the functions
 * and triggers that keep the derived tables, db/read-model/*.sql) every time; safe to run again.
 */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgresql") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    // The handle's db is typed as the common supertype; the driver matches `kind`.
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
  await applyReadModel(handle);
}

/** The statements of db/read-model, file by file in name order, split as drizzle splits migrations. */
export function readModelStatements(): { file: string; statement: string }[] {
  return readdirSync(readModelFolder)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .flatMap((file) =>
      readFileSync(path.join(readModelFolder, file), "utf8")
        .split("--> statement-breakpoint")
        .map((statement) => ({ file, statement: statement.trim() }))
        // A chunk of comments alone (a file's heading) is no statement.
        .filter(({ statement }) => statement.split("\n").some((line) => line.trim() && !line.trim().startsWith("--"))),
    );
}

/** CREATE OR REPLACE of every read-model function and trigger, in one transaction. */
async function applyReadModel(handle: DbHandle): Promise<void> {
  const statements = readModelStatements();
  await handle.db.transaction(async (tx) => {
    for (const { statement } of statements) await tx.execute(sql.raw(statement));
  });
}
