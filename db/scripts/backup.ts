// npm run db:backup [-- --out=<file>] — a backup of the database, safe while the app runs:
// PostgreSQL through pg_dump (custom format, one consistent snapshot); the embedded database
// through the process that holds it, or by opening it when nobody does (README, "Sauvegarder et restaurer").
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { backupEmbedded } from "../embedded-backup";
import { runScript } from "./run-script";

runScript(async () => {
  const config = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = process.argv.find((arg) => arg.startsWith("--out="))?.slice("--out=".length);
  const target = path.resolve(
    out ?? path.join("backups", config.DATABASE_URL ? `vigie-${stamp}.dump` : `vigie-pglite-${stamp}.tar.gz`),
  );
  mkdirSync(path.dirname(target), { recursive: true });

  if (config.DATABASE_URL) {
    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`], {
      env: { ...process.env, ...libpqEnv(config.DATABASE_URL) },
      stdio: "inherit",
    });
    console.log(`[db] PostgreSQL backup written to ${target} (restore: pg_restore --no-owner -d <database> ${target})`);
    return;
  }
  const how = await backupEmbedded(path.resolve(config.PGLITE_DIR), target);
  console.log(
    `[db] embedded database backup written to ${target} (${how === "through-holder" ? "by the running server" : "folder not in use"}; restore: npm run db:restore -- ${target})`,
  );
});

/** The URL as libpq's variables: the password stays out of the command line that `ps` shows. */
function libpqEnv(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const vars: Record<string, string> = {
    PGHOST: url.hostname,
    PGPORT: url.port || "5432",
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    PGUSER: decodeURIComponent(url.username),
  };
  if (url.password) vars.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) vars.PGSSLMODE = sslmode;

  return vars;
}
