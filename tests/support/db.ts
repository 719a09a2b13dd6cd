import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { type DbHandle, createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { assertLocalDatabase, withDatabase } from "./assert-local-database";

export type TestDb = DbHandle & { databaseUrl?: string };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the PostgreSQL server that DATABASE_URL (or `serverUrl`) names, dropped again on
 * close, so that runs never see each other's data.
 */
export async function createTestDb(serverUrl = process.env.DATABASE_URL): Promise<TestDb> {
  if (!serverUrl) {
    const handle = await createDb({ pgliteDir: "memory://" });
    await migrateDb(handle);
    return handle;
  }

  assertLocalDatabase(serverUrl);
  const name = `vigie_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database "${name}"`));
  const databaseUrl = withDatabase(serverUrl, name);
  const handle = await createDb({ databaseUrl, poolMax: 8 });
  await migrateDb(handle);

  return {
    ...handle,
    databaseUrl,
    close: async () => {
      await handle.close();
      await withAdminClient(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
