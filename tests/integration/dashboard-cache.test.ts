import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, learningEvents } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { mostMissedQuestions } from "@/lib/reports/most-missed-questions";
import { rowsOf } from "../support/db-rows";
import { type TestDb, createTestDb } from "../support/db";
import { seededRandom } from "../support/seeded-random";

// The dashboard's figures are kept in dashboard_cache and served again until a write changes what
// they are counted from (migration 0009, lib/read-model/dashboard-cache.ts). Every figure served
// must equal the figures counted afresh (the cache row removed first), whatever was written before,
// and figures must be served again, without counting, when nothing was written.

const catalogue = loadCatalogue();
const path = catalogue.pathById.get("bonnes-pratiques")!;
const asOf = new Date("2026-11-30T10:00:00Z");
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

/** Each part's generation (counts up each time the part is counted again). */
const generation = async (organisationId: string) =>
  Object.fromEntries(
    rowsOf<{ part: string; generation: string | number }>(
      await testDb.db.execute(
        sql`select part, generation from dashboard_cache where organisation_id = ${organisationId}::uuid`,
      ),
    ).map((row) => [row.part, Number(row.generation)]),
  );

async function freshDashboard(organisationId: string, teams: { id: string; name: string }[]) {
  await testDb.db.execute(sql`delete from dashboard_cache where organisation_id = ${organisationId}::uuid`);

  return getDashboard(testDb.db, { organisationId, catalogue, asOf, teams });
}

async function upsertProgress(
  userId: string,
  organisationId: string,
  moduleId: string,
  completedAt: Date | null,
  lastActivityAt: Date,
) {
  await testDb.db
    .execute(sql`insert into module_progress (user_id, module_id, organisation_id, module_version, completed_at, last_completed_at, last_activity_at, time_spent_seconds)
    values (${userId}::uuid, ${moduleId}, ${organisationId}::uuid, 1, ${completedAt?.toISOString() ?? null}::timestamptz, ${completedAt?.toISOString() ?? null}::timestamptz, ${lastActivityAt.toISOString()}::timestamptz, 60)
    on conflict (user_id, module_id) do update set completed_at = excluded.completed_at, last_completed_at = excluded.last_completed_at, last_activity_at = excluded.last_activity_at`);
}

describe("the dashboard's kept figures", () => {
  it("equal the figures counted afresh after every kind of write, and are served again when nothing was written", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const elsewhere = (await createOrganisation(testDb.db)).id;
    const teams = await Promise.all(
      ["Urgences", "Pharmacie", "Accueil"].map((name) => createTeam(testDb.db, { organisationId, name })),
    );
    const teamList = teams.map((t) => ({ id: t.id, name: t.name }));
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "path", subjectId: path.id, dueOn: "2026-06-01", renewYearly: true });
    await testDb.db.insert(assignments).values({
      organisationId,
      teamId: teams[0]!.id,
      subjectType: "module",
      subjectId: path.moduleIds[0]!,
      dueOn: "2027-01-15",
    });
    const learners = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createUser(testDb.db, { organisationId, teamId: teams[i % 3]!.id })),
    );
    const outsider = await createUser(testDb.db, { organisationId: elsewhere });
    const rand = seededRandom(11);
    const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
    const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);
    let extraAssignment: string | null = null;
    // Every module of the path has a position (module_keys) before the figures are first kept: a
    // module's first progress anywhere changes the counting statement, which counts again.
    for (const moduleId of path.moduleIds) await upsertProgress(outsider.id, elsewhere, moduleId, null, daysAgo(400));

    const writes: [string, () => Promise<unknown>][] = [
      [
        "progress",
        () =>
          upsertProgress(
            pick(learners).id,
            organisationId,
            pick(path.moduleIds),
            rand() < 0.5 ? daysAgo(Math.floor(rand() * 500)) : null,
            daysAgo(Math.floor(rand() * 400)),
          ),
      ],
      [
        "progress deleted",
        () =>
          testDb.db.execute(
            sql`delete from module_progress where user_id = ${pick(learners).id}::uuid and module_id = ${pick(path.moduleIds)}`,
          ),
      ],
      [
        "path completed this cycle, or all progress removed",
        async () => {
          const learner = pick(learners);
          if (rand() < 0.5)
            await testDb.db.execute(sql`delete from module_progress where user_id = ${learner.id}::uuid`);
          else
            for (const moduleId of path.moduleIds)
              await upsertProgress(learner.id, organisationId, moduleId, daysAgo(5), daysAgo(5));
        },
      ],
      [
        "team changed",
        () =>
          testDb.db.execute(
            sql`update memberships set team_id = ${rand() < 0.2 ? null : pick(teams).id}::uuid where user_id = ${pick(learners).id}::uuid and organisation_id = ${organisationId}::uuid`,
          ),
      ],
      [
        "role changed",
        () =>
          testDb.db.execute(
            sql`update memberships set role = case when role = 'learner' then 'manager' else 'learner' end where user_id = ${pick(learners).id}::uuid and organisation_id = ${organisationId}::uuid`,
          ),
      ],
      [
        "user deactivated or reactivated",
        () => testDb.db.execute(sql`update users set is_active = not is_active where id = ${pick(learners).id}::uuid`),
      ],
      [
        "membership removed or made again",
        async () => {
          const learner = pick(learners);
          const removed = await testDb.db.execute(
            sql`delete from memberships where user_id = ${learner.id}::uuid and organisation_id = ${organisationId}::uuid returning id`,
          );
          if (rowsOf(removed).length === 0)
            await testDb.db.execute(
              sql`insert into memberships (user_id, organisation_id, role, team_id) values (${learner.id}::uuid, ${organisationId}::uuid, 'learner', ${pick(teams).id}::uuid)`,
            );
        },
      ],
      [
        "assignment added or removed",
        async () => {
          if (extraAssignment) {
            await testDb.db.execute(sql`delete from assignments where id = ${extraAssignment}::uuid`);
            extraAssignment = null;
          } else {
            const [row] = await testDb.db
              .insert(assignments)
              .values({
                organisationId,
                teamId: pick(teams).id,
                subjectType: "module",
                subjectId: pick(path.moduleIds),
                dueOn: "2026-10-01",
              })
              .returning();
            extraAssignment = row!.id;
          }
        },
      ],
    ];

    for (let step = 0; step < 80; step++) {
      const [, write] =
        step === 60
          ? ([
              "team deleted",
              () => testDb.db.execute(sql`delete from teams where id = ${teams[2]!.id}::uuid`),
            ] as const)
          : pick(writes);
      await write();
      if (step === 60) {
        // The deleted team's part goes with it.
        const parts = rowsOf<{ part: string }>(
          await testDb.db.execute(
            sql`select part from dashboard_cache where organisation_id = ${organisationId}::uuid`,
          ),
        ).map((row) => row.part);
        expect(parts).not.toContain(`learners:${teams[2]!.id}`);
      }
      const served = await getDashboard(testDb.db, { organisationId, catalogue, asOf, teams: teamList });
      const fresh = await freshDashboard(organisationId, teamList);
      expect(served).toEqual(fresh);

      // Nothing written since: served again, without arming (counting) again.
      const before = await generation(organisationId);
      expect(await getDashboard(testDb.db, { organisationId, catalogue, asOf, teams: teamList })).toEqual(fresh);
      expect(await generation(organisationId)).toEqual(before);
      // A write in another establishment leaves these figures alone.
      await upsertProgress(outsider.id, elsewhere, pick(path.moduleIds), daysAgo(3), daysAgo(3));
      expect(await getDashboard(testDb.db, { organisationId, catalogue, asOf, teams: teamList })).toEqual(fresh);
      expect(await generation(organisationId)).toEqual(before);
    }
  });

  it("count the months again only after a completion changes, the learner's team after any progress", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "path", subjectId: path.id, dueOn: "2027-06-01" });
    const learner = await createUser(testDb.db, { organisationId });
    const options = { organisationId, catalogue, asOf, teams: [] };
    const moduleId = path.moduleIds[0]!;
    const lastMonth = new Date("2026-10-12T08:00:00Z");
    await upsertProgress(learner.id, organisationId, moduleId, null, lastMonth);
    await getDashboard(testDb.db, options);
    const first = await generation(organisationId);
    expect(Object.keys(first).sort()).toEqual(["learners:none", "months"]);

    // Activity only: the learners are counted again, the months are not.
    await upsertProgress(learner.id, organisationId, moduleId, null, new Date("2026-10-13T08:00:00Z"));
    expect((await getDashboard(testDb.db, options)).trend.at(-2)).toEqual({ month: "2026-10", completions: 0 });
    expect(await generation(organisationId)).toEqual({
      "learners:none": first["learners:none"]! + 1,
      months: first.months,
    });

    // A completion last month (arrived late): both, and the month shows it.
    await upsertProgress(learner.id, organisationId, moduleId, lastMonth, lastMonth);
    const dashboard = await getDashboard(testDb.db, options);
    expect(dashboard.trend.at(-2)).toEqual({ month: "2026-10", completions: 1 });
    expect(dashboard.learnerCounts.in_progress).toBe(1);
    expect(await generation(organisationId)).toEqual({
      "learners:none": first["learners:none"]! + 2,
      months: first.months! + 1,
    });
    expect(dashboard).toEqual(await freshDashboard(organisationId, []));

    // A learner of a team: only that team is counted again.
    const [urgences, pharmacie] = await Promise.all(
      ["Urgences", "Pharmacie"].map((name) => createTeam(testDb.db, { organisationId, name })),
    );
    const nurse = await createUser(testDb.db, { organisationId, teamId: urgences!.id });
    await createUser(testDb.db, { organisationId, teamId: pharmacie!.id });
    await getDashboard(testDb.db, options);
    const counted = await generation(organisationId);
    expect(Object.keys(counted).sort()).toEqual(
      [`learners:${pharmacie!.id}`, `learners:${urgences!.id}`, "learners:none", "months"].sort(),
    );
    await upsertProgress(nurse.id, organisationId, moduleId, null, new Date("2026-11-02T08:00:00Z"));
    expect((await getDashboard(testDb.db, options)).learnerCounts.in_progress).toBe(2);
    expect(await generation(organisationId)).toEqual({
      ...counted,
      [`learners:${urgences!.id}`]: counted[`learners:${urgences!.id}`]! + 1,
    });
  });

  it("count a write that was in flight when they were counted, and never serve figures that miss a write", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "path", subjectId: path.id, dueOn: "2027-06-01" });
    const learners = await Promise.all(Array.from({ length: 20 }, () => createUser(testDb.db, { organisationId })));
    const options = { organisationId, catalogue, asOf, teams: [] };
    const done = new Date("2026-11-20T09:00:00Z");
    await getDashboard(testDb.db, options);
    // A learner opens a module: the figures kept are no longer served.
    await upsertProgress(learners[1]!.id, organisationId, path.moduleIds[0]!, null, done);

    // Another learner completes the path in a transaction that has not committed when the manager
    // opens the dashboard: the counting waits for it (on PostgreSQL; PGlite runs one statement at a
    // time), so that what it keeps does not miss it.
    let served: Promise<Awaited<ReturnType<typeof getDashboard>>> | undefined;
    await testDb.db.transaction(async (tx) => {
      for (const moduleId of path.moduleIds) {
        await tx.execute(sql`insert into module_progress (user_id, module_id, organisation_id, module_version, completed_at, last_activity_at)
          values (${learners[0]!.id}::uuid, ${moduleId}, ${organisationId}::uuid, 1, ${done.toISOString()}::timestamptz, ${done.toISOString()}::timestamptz)`);
      }
      served = getDashboard(testDb.db, options);
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect((await served!).learnerCounts.done).toBe(1);
    expect((await getDashboard(testDb.db, options)).learnerCounts.done).toBe(1);

    // Writers and readers at once, several rounds: once the writers are done, the figures served
    // are the figures counted afresh.
    const rand = seededRandom(5);
    for (let round = 0; round < 4; round++) {
      const writers = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 10; i++) {
          const learner = learners[Math.floor(rand() * learners.length)]!;
          const moduleId = path.moduleIds[Math.floor(rand() * path.moduleIds.length)]!;
          const completed = rand() < 0.6 ? done : null;
          await upsertProgress(learner.id, organisationId, moduleId, completed, done);
        }
      });
      const readers = Array.from({ length: 2 }, async () => {
        for (let i = 0; i < 6; i++) await getDashboard(testDb.db, options);
      });
      await Promise.all([...writers, ...readers]);
      const served = await getDashboard(testDb.db, options);
      expect(served).toEqual(await freshDashboard(organisationId, []));
    }
  });

  it("keep the sums of counted quiz days until those days are thrown away", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const learner = await createUser(testDb.db, { organisationId });
    const moduleId = path.moduleIds[0]!;
    const quiz = catalogue.moduleById
      .get(moduleId)!
      .steps.flatMap((step) => (step.kind === "quiz" ? step.questions : []));
    const module = catalogue.moduleById.get(moduleId)!;
    const answer = (daysAgo: number) => ({
      eventId: crypto.randomUUID(),
      userId: learner.id,
      organisationId,
      moduleId,
      moduleVersion: module.version,
      kind: "quiz_submitted",
      payload: { result: { questions: quiz.map((q, i) => ({ questionId: q.id, correct: i % 2 === 0 })) } },
      occurredAt: new Date(Date.now() - daysAgo * 86_400_000),
      receivedAt: new Date(Date.now() - daysAgo * 86_400_000),
    });
    const coverage = async () =>
      rowsOf<{ generation: string | number; totals: unknown }>(
        await testDb.db.execute(
          sql`select generation, totals from quiz_answer_coverage where organisation_id = ${organisationId}::uuid`,
        ),
      )[0]!;
    await testDb.db.insert(learningEvents).values([answer(40), answer(20), answer(10)]);
    const first = await mostMissedQuestions(testDb.db, { organisationId, catalogue, asOf: new Date(), minAnswers: 1 });
    const kept = await coverage();
    expect(kept.totals).not.toBeNull();
    expect(
      await mostMissedQuestions(testDb.db, { organisationId, catalogue, asOf: new Date(), minAnswers: 1 }),
    ).toEqual(first);

    // An old answer imported: the counted days are thrown away, and with them the sums.
    await testDb.db.insert(learningEvents).values(answer(30));
    const cleared = await coverage();
    expect(cleared.totals).toBeNull();
    expect(Number(cleared.generation)).toBeGreaterThan(Number(kept.generation));
    const again = await mostMissedQuestions(testDb.db, { organisationId, catalogue, asOf: new Date(), minAnswers: 1 });
    expect(again.map((q) => q.answers)).toEqual(first.map((q) => (q.answers / 3) * 4));
  });
});
