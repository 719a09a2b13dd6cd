import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { Client } from "pg";
import { assertLocalDatabase, withDatabase } from "./assert-local-database";
import { freePort } from "./free-port";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";
import { type SpawnedServer, spawnServer } from "./spawn-server";

const ROOT = path.join(__dirname, "..", "..");

type OwnDatabase = "postgresql" | "pglite";

export type OwnServer<D extends OwnDatabase = OwnDatabase> = {
  server: SpawnedServer;
  smtp: SmtpSink;
  /** A client of the server's database, for the test to read and write while it runs (PostgreSQL only). */
  db: D extends "postgresql" ? Client : null;
  /** Stops the server and the sink, and drops the database or removes the folder. */
  stop: () => Promise<void>;
};

export type OwnServerOptions<D extends OwnDatabase> = {
  /**
   * `postgresql`: a new database `<name>_<random>` on the server DATABASE_URL names (local only;
   * the local default server without it). `pglite`: a folder `.data/<name>-<time>` of its own,
   * since the main test server holds its PGlite folder exclusively.
   */
  database: D;
  name: string;
  /** Arguments of `npm run db:seed --` (the demo data set alone without them). */
  seedArgs?: readonly string[];
  /** The server's other settings (the database's, PORT, APP_URL and SMTP_URL are set here). */
  env?: Record<string, string>;
  /** How long the server may take to answer /api/health with 200. */
  startTimeoutMs: number;
};

/**
 * For specs that need what the main test server does not do (mail through SMTP, exercise
 * messages, writing to the database it runs on): a real SMTP sink and a server of the production
 * build in demo mode on a fresh database, migrated and seeded, on a free port. Whatever was
 * started is stopped again when a step fails.
 */
export async function startOwnServer<D extends OwnDatabase>(options: OwnServerOptions<D>): Promise<OwnServer<D>> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const { databaseEnv, db } = await freshDatabase(options, cleanups);
    const env = { ...process.env, ...databaseEnv, VIGIE_MODE: "demo" };
    execFileSync("npm", ["run", "--silent", "db:migrate"], { cwd: ROOT, env, stdio: "ignore" });
    const seed = options.seedArgs?.length ? ["--", ...options.seedArgs] : [];
    execFileSync("npm", ["run", "--silent", "db:seed", ...seed], { cwd: ROOT, env, stdio: "ignore" });
    if (db) await db.connect();
    const port = await freePort();
    const server = spawnServer(port, {
      ...databaseEnv,
      VIGIE_MODE: "demo",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      SMTP_URL: smtp.url,
      ...options.env,
    });
    cleanups.push(() => server.stop());
    await expect
      .poll(async () => (await fetch(`${server.url}/api/health`).catch(() => null))?.status ?? 0, {
        timeout: options.startTimeoutMs,
      })
      .toBe(200);

    return { server, smtp, db: db as OwnServer<D>["db"], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The database's settings for the server, and a client of it (not connected yet) on PostgreSQL. */
async function freshDatabase(
  options: OwnServerOptions<OwnDatabase>,
  cleanups: (() => Promise<void> | void)[],
): Promise<{ databaseEnv: Record<string, string>; db: Client | null }> {
  if (options.database === "pglite") {
    const dataDir = path.join(".data", `${options.name}-${Date.now()}`);
    cleanups.push(() => rmSync(path.join(ROOT, dataDir), { recursive: true, force: true }));

    return { databaseEnv: { DATABASE_URL: "", PGLITE_DIR: dataDir }, db: null };
  }

  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  assertLocalDatabase(serverUrl);
  const name = `${options.name}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  await admin.query(`create database "${name}"`);
  cleanups.push(() => admin.query(`drop database if exists "${name}" with (force)`).then(() => undefined));
  const databaseUrl = withDatabase(serverUrl, name);
  const db = new Client({ connectionString: databaseUrl });
  cleanups.push(() => db.end());

  return { databaseEnv: { DATABASE_URL: databaseUrl }, db };
}
