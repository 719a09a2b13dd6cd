import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb, readModelStatements } from "@/db/migrate";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

type Definition = { kind: "function" | "trigger"; name: string; definition: string };

/** Every function and trigger of the schema, as the database prints it back. */
async function definitions(): Promise<Definition[]> {
  const result = await testDb.db.execute(sql`
    select 'function' as kind, p.proname as name, pg_get_functiondef(p.oid) as definition
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
    union all
    select 'trigger', t.tgname, pg_get_triggerdef(t.oid)
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal
    order by 1, 2`);

  return (result as unknown as { rows: Definition[] }).rows;
}

/** The functions and triggers db/read-model defines, by the names in its CREATE statements. */
function readModelNames(): string[] {
  return readModelStatements()
    .map(({ statement }) => /CREATE OR REPLACE (FUNCTION|TRIGGER) "([a-z_]+)"/.exec(statement))
    .filter((match) => match !== null)
    .map((match) => `${match[1]!.toLowerCase()} ${match[2]}`)
    .sort();
}

describe("the read model (db/read-model)", () => {
  it("defines every function and trigger of the database, and nothing else", async () => {
    const inDatabase = (await definitions()).map((row) => `${row.kind} ${row.name}`).sort();

    expect(inDatabase.length).toBeGreaterThan(30);
    expect(readModelNames()).toEqual(inDatabase);
  });

  it("is applied again by every migrate without changing a definition", async () => {
    const before = await definitions();
    await migrateDb(testDb);

    expect(await definitions()).toEqual(before);
  });

  it("holds only statements that can run again: CREATE OR REPLACE of a function or trigger", () => {
    for (const { file, statement } of readModelStatements()) {
      const code = statement
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim();
      expect(code, file).toMatch(/^CREATE OR REPLACE (FUNCTION|TRIGGER) /);
    }
  });
});
