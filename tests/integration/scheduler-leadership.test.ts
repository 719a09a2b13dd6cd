import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchedulerLeadership } from "@/lib/scheduled-work/scheduler-leadership";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("SchedulerLeadership", () => {
  it("lets exactly one instance lead, and another take over when it stops or loses its connection", async () => {
    const url = testDb.databaseUrl;
    if (!url) {
      // PGlite: one process holds the database, so it leads.
      expect(await new SchedulerLeadership(undefined).isLeader()).toBe(true);
      return;
    }
    const instances = [new SchedulerLeadership(url), new SchedulerLeadership(url), new SchedulerLeadership(url)];
    try {
      const first = await Promise.all(instances.map((instance) => instance.isLeader()));
      expect(first.filter(Boolean)).toHaveLength(1);
      const leader = instances[first.indexOf(true)]!;
      expect(await leader.isLeader()).toBe(true);

      // A clean stop gives the lead up at once.
      await leader.release();
      const rest = instances.filter((instance) => instance !== leader);
      const second = await Promise.all(rest.map((instance) => instance.isLeader()));
      expect(second.filter(Boolean)).toHaveLength(1);
      const next = rest[second.indexOf(true)]!;
      const other = rest[second.indexOf(false)]!;

      // A leader whose connection is cut (PostgreSQL restarted, network) loses the lead with it.
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = 1 and objid = 3131032705 and objsubid = 1 and database = (select oid from pg_database where datname = current_database())",
      );
      await admin.end();
      await expect.poll(() => other.isLeader(), { timeout: 10_000 }).toBe(true);
      expect(await next.isLeader()).toBe(false);
    } finally {
      await Promise.all(instances.map((instance) => instance.release()));
    }
  });
});
