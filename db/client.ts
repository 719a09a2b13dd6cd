import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { claimFolder } from "./embedded-lock";
import * as schema from "./schema";

/** Either driver, typed as their common supertype (STACK.md §4). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "postgresql" | "pglite";

export type DbHandle = {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, without credentials: host/database or the PGlite folder. */
  location: string;
  close: () => Promise<void>;
};

/**
 * How long PostgreSQL work may wait, in milliseconds (0: no limit). PGlite has no equivalent:
 * it runs in this process on one connection, so no other session holds locks against it, and
 * its WebAssembly build ignores statement_timeout (it has no timer signal).
 */
export type DbLimits = {
  /** statement_timeout: one statement's running time, lock waits included. */
  statementMs: number;
  /** lock_timeout: waiting for one lock (a table, a row, an advisory lock). */
  lockMs: number;
  /** Waiting for a free connection of the pool, or for a new one to be made. */
  acquireMs: number;
  /** idle_in_transaction_session_timeout: a transaction left open by a crashed caller. */
  idleInTransactionMs: number;
};

/**
 * Request work: a request waits at most about acquireMs + statementMs (7 s) for any one
 * statement, and a lock held elsewhere makes it fail after 2 + 3 s with a 503 (bench:faults).
 * Every request statement measured runs in well under a second on the 41,500-learner data set.
 */
export const REQUEST_LIMITS: DbLimits = {
  statementMs: 5_000,
  lockMs: 3_000,
  acquireMs: 2_000,
  idleInTransactionMs: 10_000,
};

/** Migrations, seeds, backups, benches and tests: long statements, but no endless lock wait. */
export const MAINTENANCE_LIMITS: DbLimits = {
  statementMs: 30 * 60_000,
  lockMs: 10_000,
  acquireMs: 10_000,
  idleInTransactionMs: 0,
};

export type CreateDbOptions = {
  /** A PostgreSQL URL; when absent, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite folder, or `memory://` for a throw-away database. */
  pgliteDir?: string;
  poolMax?: number;
  /** PostgreSQL waits; MAINTENANCE_LIMITS unless given (the app passes REQUEST_LIMITS). */
  limits?: DbLimits;
};

/** Opens a database: node-postgres when a URL is given, embedded PGlite otherwise. */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.databaseUrl)
    return createPostgresDb(options.databaseUrl, options.poolMax ?? 10, options.limits ?? MAINTENANCE_LIMITS);

  return createPgliteDb(options.pgliteDir ?? ".data/pglite");
}

async function createPostgresDb(databaseUrl: string, poolMax: number, limits: DbLimits): Promise<DbHandle> {
  const [{ Pool }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  // The timeouts are sent in each connection's start-up packet: no extra round trip per request.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: poolMax,
    connectionTimeoutMillis: limits.acquireMs,
    statement_timeout: limits.statementMs,
    lock_timeout: limits.lockMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    keepAlive: true,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  const url = new URL(databaseUrl);

  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "postgresql",
    location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => pool.end(),
  };
}

async function createPgliteDb(dir: string): Promise<DbHandle> {
  const [{ PGlite }, { drizzle }] = await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite")]);
  const inMemory = dir.startsWith("memory://");
  const dataDir = inMemory ? dir : path.resolve(dir);
  // PGlite does not create parent folders (STACK.md pitfall 6).
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // A second process writing the same folder loses acknowledged writes silently: refuse it.
  const release = inMemory ? () => {} : claimFolder(dataDir);
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const handle: DbHandle = {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    location: dataDir,
    close: async () => {
      const store = globalThis as GlobalWithDb;
      if (store.__vigiePglite?.client === client) store.__vigiePglite = undefined;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
  if (!inMemory) (globalThis as GlobalWithDb).__vigiePglite = { client, dataDir };

  return handle;
}

/**
 * A hot statement of fixed text, built once per database handle by `build` (a drizzle query ending
 * in `.prepare(name)`, or prepareStatement): on node-postgres it is a named prepared statement, so
 * each connection parses and plans it once and the query builder runs once per process; PGlite
 * runs it as usual. The one way the app names a statement (it keeps drizzle's row mapping, which
 * a name passed to the driver by hand would skip).
 */
export function preparedPerDb<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const byDb = new WeakMap<Db, Query>();

  return (db) => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db)));

    return query;
  };
}

const dialect = new PgDialect();

/**
 * A statement written in SQL (its values `sql.placeholder`s), prepared as a query builder's
 * `.prepare(name)` is, for preparedPerDb: `execute(values)` gives its rows.
 */
export function prepareStatement<Row>(db: Db, name: string, statement: SQL) {
  const query = db._.session.prepareQuery(dialect.sqlToQuery(statement), undefined, name, false);

  return {
    execute: async (values: Record<string, unknown>): Promise<Row[]> =>
      ((await query.execute(values)) as { rows: Row[] }).rows,
  };
}

type GlobalWithDb = typeof globalThis & {
  __vigieDb?: Promise<DbHandle>;
  /** The open embedded database of this process, for a backup through it (db/embedded-backup.ts). */
  __vigiePglite?: {
    client: { dumpDataDir: (compression?: "gzip" | "none" | "auto") => Promise<Blob> };
    dataDir: string;
  };
};

/**
 * The application's database, opened once per process (one PGlite instance costs about a
 * second and 0.5 GB, and a folder must never be opened twice). A failed open is not kept,
 * so the next request tries again.
 */
export function getDb(): Promise<DbHandle> {
  const store = globalThis as GlobalWithDb;
  if (!store.__vigieDb) {
    const config = env();
    store.__vigieDb = createDb({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: config.PGLITE_DIR,
      poolMax: config.DATABASE_POOL_MAX,
      limits: REQUEST_LIMITS,
    }).catch((error: unknown) => {
      store.__vigieDb = undefined;
      throw error;
    });
  }

  return store.__vigieDb;
}

/** Closes the application's database if it was opened (clean shutdown); later calls do nothing. */
export async function closeDb(): Promise<void> {
  const store = globalThis as GlobalWithDb;
  const opened = store.__vigieDb;
  store.__vigieDb = undefined;
  if (!opened) return;
  const handle = await opened.catch(() => undefined);
  await handle?.close();
}
