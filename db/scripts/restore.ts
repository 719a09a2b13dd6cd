// npm run db:restore -- <file> — restores an embedded-database backup (npm run db:backup) into
// PGLITE_DIR, which must not exist or be empty (move the old folder away first). PostgreSQL
// backups are restored with pg_restore (README, "Sauvegarder et restaurer").
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { claimFolder } from "../embedded-lock";
import { runScript } from "./run-script";

runScript(async () => {
  const config = env();
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (config.DATABASE_URL)
    throw new Error(
      "DATABASE_URL is set: restore a PostgreSQL backup with pg_restore (README, « Sauvegarder et restaurer »).",
    );
  if (!file) throw new Error("Usage: npm run db:restore -- <backup .tar.gz>");
  const dataDir = path.resolve(config.PGLITE_DIR);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: move it away (or set PGLITE_DIR to a new folder), then run this again.`);
  const release = claimFolder(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from users");
    await client.close();
    console.log(`[db] restored ${file} into ${dataDir} (${rows[0]?.n ?? 0} accounts)`);
  } finally {
    release();
  }
});
