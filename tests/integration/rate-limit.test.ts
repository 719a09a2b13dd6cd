import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { inCurrentQuarterHour } from "../support/clock";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("consumeRateLimit", () => {
  const now = inCurrentQuarterHour(10);

  it("allows up to the limit in a window, then refuses until the next window", async () => {
    const hit = (at: Date) => consumeRateLimit(testDb.db, { key: "test:a", limit: 3, windowSeconds: 60, now: at });

    const answers = [await hit(now), await hit(now), await hit(now), await hit(now)];
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(answers[3]!.retryAfterSeconds).toBe(50);
    expect((await hit(inCurrentQuarterHour(60))).allowed).toBe(true);
  });

  it("counts each key apart and every concurrent hit once", async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        consumeRateLimit(testDb.db, { key: "test:b", limit: 100, windowSeconds: 60, now }),
      ),
    );

    expect((await consumeRateLimit(testDb.db, { key: "test:b", limit: 100, windowSeconds: 60, now })).count).toBe(21);
    expect((await consumeRateLimit(testDb.db, { key: "test:c", limit: 100, windowSeconds: 60, now })).count).toBe(1);
  });
});
