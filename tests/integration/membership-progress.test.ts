import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { rowsOf } from "../support/db-rows";
import { type TestDb, createTestDb } from "../support/db";
import { seededRandom } from "../support/seeded-random";

// memberships.module_completions and module_activity are kept by triggers on module_progress
// (migration 0007). These tests write module_progress directly, as any writer could (the player,
// a seed, an erasure), and compare the arrays with what the progress rows say, computed here.

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

type Arrays = {
  completions: (string | null)[];
  activity: (string | null)[];
  timeSpentSeconds: number;
  lastActivityAt: string | null;
};

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

/** The arrays as the progress rows of (user, organisation) say they should be, with module_keys' positions. */
async function expectedArrays(userId: string, organisationId: string): Promise<Arrays> {
  const positions = new Map(
    rowsOf<{ module_id: string; position: number }>(
      await testDb.db.execute(sql`select module_id, position from module_keys`),
    ).map((row) => [row.module_id, Number(row.position)]),
  );
  const rows = rowsOf<{
    module_id: string;
    completed_at: unknown;
    last_completed_at: unknown;
    last_activity_at: unknown;
    time_spent_seconds: number;
  }>(
    await testDb.db.execute(
      sql`select module_id, completed_at, last_completed_at, last_activity_at, time_spent_seconds from module_progress where user_id = ${userId}::uuid and organisation_id = ${organisationId}::uuid`,
    ),
  );
  const length = Math.max(0, ...rows.map((row) => positions.get(row.module_id)!));
  const completions: (string | null)[] = Array.from({ length }, () => null);
  const activity: (string | null)[] = Array.from({ length }, () => null);
  for (const row of rows) {
    const at = positions.get(row.module_id)! - 1;
    completions[at] = row.completed_at ? iso(row.last_completed_at ?? row.completed_at) : null;
    activity[at] = iso(row.last_activity_at);
  }

  const lastActivity =
    rows
      .map((row) => iso(row.last_activity_at)!)
      .sort()
      .at(-1) ?? null;

  return {
    completions,
    activity,
    timeSpentSeconds: rows.reduce((sum, row) => sum + Number(row.time_spent_seconds), 0),
    lastActivityAt: lastActivity,
  };
}

async function storedArrays(userId: string, organisationId: string): Promise<Arrays> {
  // Each element as text (arrays of timestamps come back as text from one driver and as dates from the other).
  const [row] = rowsOf<{
    completions: (string | null)[];
    activity: (string | null)[];
    time_spent_seconds: number;
    last_activity_at: unknown;
  }>(
    await testDb.db
      .execute(sql`select array(select to_char(c at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from unnest(module_completions) with ordinality as e(c, i) order by i) as completions,
      array(select to_char(a at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from unnest(module_activity) with ordinality as e(a, i) order by i) as activity,
      time_spent_seconds, last_activity_at
      from memberships where user_id = ${userId}::uuid and organisation_id = ${organisationId}::uuid`),
  );

  return {
    completions: row!.completions,
    activity: row!.activity,
    timeSpentSeconds: Number(row!.time_spent_seconds),
    lastActivityAt: iso(row!.last_activity_at),
  };
}

async function upsertProgress(
  userId: string,
  organisationId: string,
  moduleId: string,
  values: { completedAt: Date | null; lastCompletedAt: Date | null; lastActivityAt: Date; seconds?: number },
) {
  await testDb.db
    .execute(sql`insert into module_progress (user_id, module_id, organisation_id, module_version, completed_at, last_completed_at, last_activity_at, time_spent_seconds)
    values (${userId}::uuid, ${moduleId}, ${organisationId}::uuid, 1, ${values.completedAt?.toISOString() ?? null}::timestamptz, ${values.lastCompletedAt?.toISOString() ?? null}::timestamptz, ${values.lastActivityAt.toISOString()}::timestamptz, ${values.seconds ?? 0})
    on conflict (user_id, module_id) do update set completed_at = excluded.completed_at, last_completed_at = excluded.last_completed_at, last_activity_at = excluded.last_activity_at,
      time_spent_seconds = module_progress.time_spent_seconds + excluded.time_spent_seconds`);
}

describe("each membership's module_completions, module_activity, time spent and last activity", () => {
  it("follow the progress rows through inserts, updates, deletes and new modules, counting only this establishment's", async () => {
    const here = (await createOrganisation(testDb.db)).id;
    const elsewhere = (await createOrganisation(testDb.db)).id;
    const learners = await Promise.all(
      Array.from({ length: 5 }, () => createUser(testDb.db, { organisationId: here })),
    );
    // The last learner is also a member elsewhere, where some of their modules were taken.
    await testDb.db.execute(
      sql`insert into memberships (user_id, organisation_id, role) values (${learners[4]!.id}::uuid, ${elsewhere}::uuid, 'learner')`,
    );
    const modules = Array.from({ length: 7 }, (_, i) => `membership-progress-${i}`);
    const rand = seededRandom(7);
    const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));

    for (let step = 0; step < 120; step++) {
      const learner = pick(learners);
      const moduleId = pick(modules);
      const roll = rand();
      if (roll < 0.15) {
        await testDb.db.execute(
          sql`delete from module_progress where user_id = ${learner.id}::uuid and module_id = ${moduleId}`,
        );
      } else {
        const completed = roll < 0.6;
        const organisationId = learner === learners[4] && rand() < 0.5 ? elsewhere : here;
        const first = day(Math.floor(rand() * 300));
        // A row already there keeps its establishment (as the player's upsert does): only its dates change.
        await testDb.db.execute(
          sql`delete from module_progress where user_id = ${learner.id}::uuid and module_id = ${moduleId} and organisation_id <> ${organisationId}::uuid`,
        );
        await upsertProgress(learner.id, organisationId, moduleId, {
          completedAt: completed ? first : null,
          lastCompletedAt: completed && rand() < 0.3 ? day(400) : null,
          lastActivityAt: day(400 + Math.floor(rand() * 100)),
          seconds: Math.floor(rand() * 600),
        });
      }
      for (const organisationId of learner === learners[4] ? [here, elsewhere] : [here]) {
        expect(await storedArrays(learner.id, organisationId), `step ${step}`).toEqual(
          await expectedArrays(learner.id, organisationId),
        );
      }
    }
  }, 120_000);

  it("are filled from the progress already there when the membership is made again", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const learner = await createUser(testDb.db, { organisationId });
    await upsertProgress(learner.id, organisationId, "membership-progress-again", {
      completedAt: new Date("2026-03-01T10:00:00Z"),
      lastCompletedAt: null,
      lastActivityAt: new Date("2026-03-02T10:00:00Z"),
    });
    const before = await storedArrays(learner.id, organisationId);
    expect(before.completions.filter(Boolean)).toEqual(["2026-03-01T10:00:00.000Z"]);

    await testDb.db.execute(
      sql`delete from memberships where user_id = ${learner.id}::uuid and organisation_id = ${organisationId}::uuid`,
    );
    await testDb.db.execute(
      sql`insert into memberships (user_id, organisation_id, role) values (${learner.id}::uuid, ${organisationId}::uuid, 'learner')`,
    );

    expect(await storedArrays(learner.id, organisationId)).toEqual(before);
  });

  it("lose no write when one learner's modules are written at the same time", async () => {
    // Six transactions of one learner, each on its own module, each holding its lock a moment:
    // every one computes the arrays after the others that committed first, so the last to commit
    // sees them all. Computing them in the writing statement's own snapshot (taken before the
    // wait) leaves an older picture in place: that version fails this test on PostgreSQL.
    const organisationId = (await createOrganisation(testDb.db)).id;
    for (let round = 0; round < 10; round++) {
      const learner = await createUser(testDb.db, { organisationId });
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          testDb.db.transaction(async (tx) => {
            await tx.execute(sql`insert into module_progress (user_id, module_id, organisation_id, module_version, completed_at, last_activity_at)
              values (${learner.id}::uuid, ${`membership-progress-race-${i}`}, ${organisationId}::uuid, 1, now(), now())`);
            await tx.execute(sql`select pg_sleep(0.02)`);
          }),
        ),
      );
      const stored = await storedArrays(learner.id, organisationId);

      expect(stored).toEqual(await expectedArrays(learner.id, organisationId));
      expect(stored.completions.filter(Boolean)).toHaveLength(6);
    }
  }, 60_000);
});
