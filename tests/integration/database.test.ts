import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, organisations, teams, users } from "@/db/schema";
import { migrateDb } from "@/db/migrate";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENT_SLUG, seedDemo } from "@/db/seed/demo";
import { verifyPassword } from "@/lib/auth/password";
import { passwordCredentials } from "@/db/schema";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("migrations", () => {
  it("create every core table", async () => {
    const result = await testDb.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((row) => row.table_name);

    expect(tables).toEqual(
      expect.arrayContaining([
        "accounts",
        "certificates",
        "learning_events",
        "memberships",
        "module_progress",
        "organisations",
        "password_credentials",
        "sessions",
        "teams",
        "users",
        "verification_tokens",
      ]),
    );
  });

  it("can run again without changing anything", async () => {
    await expect(migrateDb(testDb)).resolves.toBeUndefined();
  });
});

describe("seedDemo", () => {
  it("makes a demo establishment with two teams and every demo account", async () => {
    const result = await seedDemo(testDb.db);

    expect(result.created).toBe(DEMO_ACCOUNTS.length);
    const [establishment] = await testDb.db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, DEMO_ESTABLISHMENT_SLUG));
    expect(establishment?.parentId).toBe(result.centreId);
    const teamRows = await testDb.db.select().from(teams).where(eq(teams.organisationId, result.establishmentId));
    expect(teamRows.map((team) => team.name).sort()).toEqual(["Accueil et admissions", "Service des urgences"]);
    const roles = await testDb.db.select({ role: memberships.role }).from(memberships);
    expect(roles.map((row) => row.role).sort()).toEqual(["admin", "learner", "learner", "learner", "manager"]);
  });

  it("changes nothing when run a second time", async () => {
    const before = await countRows();
    const result = await seedDemo(testDb.db);

    expect(result.created).toBe(0);
    expect(await countRows()).toEqual(before);
  });

  it("stores names exactly and passwords only as argon2id hashes", async () => {
    const [nurse] = await testDb.db.select().from(users).where(eq(users.email, "infirmiere@vigie.test"));
    const [credential] = await testDb.db
      .select()
      .from(passwordCredentials)
      .where(eq(passwordCredentials.userId, nurse!.id));

    expect(nurse?.name).toBe("Françoise Lefèvre-Nguyễn");
    expect(credential?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(credential!.passwordHash, "vigie-demo-2026")).toBe(true);
    expect(await verifyPassword(credential!.passwordHash, "wrong-password")).toBe(false);
  });
});

async function countRows() {
  const [u, o, t, m] = await Promise.all([
    testDb.db.select({ n: count() }).from(users),
    testDb.db.select({ n: count() }).from(organisations),
    testDb.db.select({ n: count() }).from(teams),
    testDb.db.select({ n: count() }).from(memberships),
  ]);

  return [u[0]!.n, o[0]!.n, t[0]!.n, m[0]!.n];
}
