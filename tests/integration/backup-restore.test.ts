import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, createDb } from "@/db/client";
import { serveEmbeddedBackups } from "@/db/embedded-backup";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { seedE2eEstablishments } from "@/db/seed/e2e-establishments";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { createTestDb } from "../support/db";

const ROOT = path.join(__dirname, "..", "..");
const TABLES = [
  "organisations",
  "teams",
  "users",
  "memberships",
  "password_credentials",
  "module_progress",
  "certificates",
  "assignments",
  "audit_log",
];
const COUNT_SQL = `select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`;

let work: string;
let handle: DbHandle & { databaseUrl?: string };

/**
 * Runs `npm run db:backup` as an operator would, in another process, and returns its output.
 * Asynchronously: on PGlite this process is the holder that must answer the backup's signal.
 */
async function runBackup(env: Record<string, string>, file: string): Promise<string> {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "db/scripts/backup.ts", `--out=${file}`], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 180_000,
  });

  return stdout;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "vigie-backup-test-"));
  // On PGlite, a folder this process holds (as the app would), not memory: the backup must go through us.
  if (process.env.DATABASE_URL) {
    handle = await createTestDb();
  } else {
    handle = await createDb({ pgliteDir: path.join(work, "pglite") });
    await migrateDb(handle);
    serveEmbeddedBackups();
  }
  await seedDemo(handle.db);
  await seedE2eEstablishments(handle.db, loadCatalogue());
}, 120_000);

afterAll(async () => {
  await handle?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run db:backup", () => {
  it("backs up while the database is in use, and the restored copy holds the same rows", async () => {
    const before = (await handle.db.execute(COUNT_SQL as never)) as unknown as { rows: Record<string, number>[] };
    expect(before.rows[0]!.certificates).toBeGreaterThan(0);

    if (handle.databaseUrl) {
      const file = path.join(work, "vigie.dump");
      expect(await runBackup({ DATABASE_URL: handle.databaseUrl }, file)).toContain("PostgreSQL backup written");
      const fresh = new URL(handle.databaseUrl);
      const name = `vigie_restore_${randomBytes(5).toString("hex")}`;
      fresh.pathname = `/${name}`;
      const admin = new Client({ connectionString: handle.databaseUrl });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      try {
        execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "-d", fresh.toString(), file]);
        const restored = new Client({ connectionString: fresh.toString() });
        await restored.connect();
        const after = await restored.query(COUNT_SQL);
        await restored.end();
        expect(after.rows[0]).toEqual(before.rows[0]);
      } finally {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
      return;
    }

    const file = path.join(work, "vigie.tar.gz");
    expect(await runBackup({ DATABASE_URL: "", PGLITE_DIR: handle.location }, file)).toContain("by the running server");
    const restored = await PGlite.create("memory://", { loadDataDir: new Blob([readFileSync(file)]) });
    const after = await restored.query(COUNT_SQL);
    await restored.close();
    expect(after.rows[0]).toEqual(before.rows[0]);
  }, 240_000);
});
