import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
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

export type CreateDbOptions = {
  /** A PostgreSQL URL; when absent, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite folder, or `memory://` for a throw-away database. */
  pgliteDir?: string;
  poolMax?: number;
};

/** Opens a database: node-postgres when a URL is given, embedded PGlite otherwise. */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl, options.poolMax ?? 10);

  return createPgliteDb(options.pgliteDir ?? ".data/pglite");
}

async function createPostgresDb(databaseUrl: string, poolMax: number): Promise<DbHandle> {
  const [{ Pool }, { drizzle }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
  ]);
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax, connectionTimeoutMillis: 5_000 });
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
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  const inMemory = dir.startsWith("memory://");
  const dataDir = inMemory ? dir : path.resolve(dir);
  // PGlite does not create parent folders (STACK.md pitfall 6).
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);

  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    location: dataDir,
    close: () => client.close(),
  };
}

const dialect = new PgDialect();

type NamedQueryClient = { query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }> };

/**
 * Runs a hot statement whose text never changes as a named prepared statement when the handle
 * is a node-postgres pool: each connection parses and plans it once instead of on every call
 * (bench:progress). PGlite and transactions run it as an ordinary statement. Returns the rows.
 */
export async function executeNamed<Row>(db: Db, name: string, query: SQL): Promise<Row[]> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof Object && "totalCount" in client && "query" in client) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const result = await (client as NamedQueryClient).query({ name, text, values: params });

    return result.rows as Row[];
  }
  const result = await db.execute(query);

  return (result as unknown as { rows: Row[] }).rows;
}

type GlobalWithDb = typeof globalThis & { __vigieDb?: Promise<DbHandle> };

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
    }).catch((error: unknown) => {
      store.__vigieDb = undefined;
      throw error;
    });
  }

  return store.__vigieDb;
}
