import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { LearningEventInput } from "@/lib/progress/event-schema";
import { getModuleProgress } from "@/lib/progress/queries";
import { recordEvents } from "@/lib/progress/record-events";
import { cleanPass, quizSubmitted, stepViewed } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";
import { seededRandom } from "../support/seeded-random";

const catalogue = loadCatalogue("tests/fixtures/courses");
const start = new Date("2026-11-02T08:00:00Z");
const now = new Date("2026-11-02T12:00:00Z");
let testDb: TestDb;
let organisationId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  organisationId = (await createOrganisation(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function progressAfter(deliveries: LearningEventInput[][][], learnerId: string) {
  const learner = { userId: learnerId, organisationId };
  // Each delivery is a group of batches sent at the same time (two tabs, a retry racing the original).
  for (const group of deliveries) {
    await Promise.all(group.map((events) => recordEvents(testDb.db, { learner, events, catalogue, now })));
  }
  const {
    userId: _u,
    organisationId: _o,
    ...progress
  } = (await getModuleProgress(testDb.db, learnerId, "demo-module"))!;

  return progress;
}

/** The same events under another learner id (event ids are per learner, so they may be reused). */
function forLearner(events: LearningEventInput[], learnerId: string): LearningEventInput[] {
  return events.map((event) => ({ ...event, learnerId }));
}

/** A clean pass, then the module taken again later (a renewal): quiz passed again, last step seen again. */
function passThenRetake(learnerId: string): LearningEventInput[] {
  const at = (minute: number) => ({ learnerId, at: new Date(start.getTime() + minute * 60_000) });

  return [
    ...cleanPass(learnerId, start),
    stepViewed(at(20), "lecon"),
    quizSubmitted(at(22), "quiz", { simple: ["b"], plusieurs: ["a"] }),
    quizSubmitted(at(23), "quiz", { simple: ["a"], plusieurs: ["a", "b"] }),
    stepViewed(at(24), "a-retenir"),
  ];
}

describe("recordEvents under duplicates, reordering and concurrency", () => {
  it("records the first and the latest completion of a retaken module", async () => {
    const learner = await createUser(testDb.db, { organisationId });
    const events = passThenRetake(learner.id);
    const later = new Date(now.getTime() + 3_600_000);
    await recordEvents(testDb.db, {
      learner: { userId: learner.id, organisationId },
      events: events.slice(0, 7),
      catalogue,
      now,
    });
    await recordEvents(testDb.db, {
      learner: { userId: learner.id, organisationId },
      events: events.slice(7),
      catalogue,
      now: later,
    });
    const progress = (await getModuleProgress(testDb.db, learner.id, "demo-module"))!;

    // Dates are the server's receptions: the first pass received at `now`, the retake an hour later.
    expect(progress.completedAt).toEqual(now);
    expect(progress.lastCompletedAt).toEqual(later);
    expect(progress.lastFinishAt).toEqual(later);
  });

  it.each([
    ["one clean pass", (learnerId: string) => cleanPass(learnerId, start)],
    ["a pass and a later retake", passThenRetake],
  ])(
    "ends in the same progress as %s",
    async (_name, makeEvents) => {
      const reference = await createUser(testDb.db, { organisationId });
      const events = makeEvents(reference.id);
      const expected = await progressAfter([[events]], reference.id);

      // Any multiset of the events (each at least once), shuffled, cut into batches, sent in concurrent groups.
      const deliveryPlan = fc
        .tuple(
          fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 8 }),
          fc.infiniteStream(fc.nat({ max: 1_000_000 })),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 20, maxLength: 20 }),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 20, maxLength: 20 }),
        )
        .map(([extra, order, batchSizes, groupSizes]) => {
          const indexes = [...events.keys(), ...extra];
          const keys = indexes.map(() => order.next().value as number);
          const shuffled = indexes
            .map((index, i) => ({ index, key: keys[i]! }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.index);
          const batches: number[][] = [];
          for (let i = 0, b = 0; i < shuffled.length; b++) {
            const size = batchSizes[b % batchSizes.length]!;
            batches.push(shuffled.slice(i, i + size));
            i += size;
          }
          const groups: number[][][] = [];
          for (let i = 0, g = 0; i < batches.length; g++) {
            const size = groupSizes[g % groupSizes.length]!;
            groups.push(batches.slice(i, i + size));
            i += size;
          }
          return groups;
        });

      await fc.assert(
        fc.asyncProperty(deliveryPlan, async (plan) => {
          const learner = await createUser(testDb.db, { organisationId });
          const mine = forLearner(events, learner.id);
          const deliveries = plan.map((group) => group.map((batch) => batch.map((index) => mine[index]!)));

          // Active time is credited by the server's clock: batches received at the same instant
          // after the first add nothing, so any delivery credits at most the single batch's time.
          const { timeSpentSeconds, ...progress } = await progressAfter(deliveries, learner.id);
          const { timeSpentSeconds: expectedTime, ...expectedRest } = expected;
          expect(progress).toEqual(expectedRest);
          expect(timeSpentSeconds).toBeLessThanOrEqual(expectedTime);
        }),
        { numRuns: 40 },
      );
      // 40 deliveries of up to 19 events: a few seconds alone, much more on a shared machine.
    },
    180_000,
  );

  it("never deadlocks when six tabs send the same events in different orders at once", async () => {
    // Each request takes the events' keys (and the progress rows) in one fixed order; before, two
    // requests taking overlapping keys in opposite orders could each wait for the other, and
    // PostgreSQL failed one of them ("deadlock detected"): the code of before fails this test in
    // its first round on PostgreSQL (PGlite runs one statement at a time).
    const rand = seededRandom(11);
    const shuffled = <T>(items: T[]) =>
      items
        .map((item) => ({ item, key: rand() }))
        .sort((a, b) => a.key - b.key)
        .map(({ item }) => item);
    for (let round = 0; round < 100; round++) {
      const learner = await createUser(testDb.db, { organisationId });
      const events = passThenRetake(learner.id);
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          recordEvents(testDb.db, {
            learner: { userId: learner.id, organisationId },
            events: shuffled(events),
            catalogue,
            now,
          }),
        ),
      );

      expect(
        results
          .filter((result) => result.status === "rejected")
          .map((result) => String((result as PromiseRejectedResult).reason)),
      ).toEqual([]);
    }
  }, 120_000);
});
