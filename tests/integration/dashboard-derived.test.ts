import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, learningEvents, memberships, quizAnswerCoverage, quizAnswerDays, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule } from "@/lib/courses/types";
import { recordEvents } from "@/lib/progress/record-events";
import { getDashboard } from "@/lib/reports/get-dashboard";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { listLearners } from "@/lib/reports/list-learners";
import { mostMissedQuestions } from "@/lib/reports/most-missed-questions";
import { CLOSED_AFTER_DAYS } from "@/lib/read-model/quiz-answer-days";
import { type TestDb, createTestDb } from "../support/db";
import { seededRandom } from "../support/seeded-random";
import { cleanPass } from "../support/events";

// What the dashboard derives and keeps (counted quiz answers, members' sort names) must give
// exactly what the raw rows give, whoever writes them and in whatever order.
const catalogue = loadCatalogue();
const DAY = 86_400_000;
const quizModules = catalogue.modules.filter((m) => m.steps.some((s) => s.kind === "quiz"));
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

/** A quiz event received at `at`, as an import or a seed writes one (the player's are received now). */
function quizEvent(
  userId: string,
  organisationId: string,
  module: CourseModule,
  at: Date,
  rand: () => number,
  receivedNow = false,
) {
  const quiz = module.steps.find((step) => step.kind === "quiz");
  const questions =
    quiz?.kind === "quiz" ? quiz.questions.map((q) => ({ questionId: q.id, correct: rand() > 0.3 })) : [];

  return {
    eventId: crypto.randomUUID(),
    userId,
    organisationId,
    moduleId: module.id,
    moduleVersion: module.version,
    kind: "quiz_submitted",
    stepId: quiz?.id ?? null,
    payload: { result: { questions } },
    occurredAt: at,
    ...(receivedNow ? {} : { receivedAt: at }),
  };
}

/** The most-missed questions counted from the events themselves, as the rule says (by day of reception). */
async function expectedMissed(organisationId: string, asOf: Date) {
  const since = new Date(asOf.getTime() - 365 * DAY);
  const events = await testDb.db.select().from(learningEvents).where(eq(learningEvents.organisationId, organisationId));
  const counts = new Map<string, { moduleId: string; questionId: string; answers: number; wrong: number }>();
  for (const event of events.filter((e) => e.kind === "quiz_submitted" && e.receivedAt >= since)) {
    for (const q of (event.payload.result as { questions: { questionId: string; correct: boolean }[] }).questions) {
      const key = `${event.moduleId}:${q.questionId}`;
      const entry = counts.get(key) ?? { moduleId: event.moduleId, questionId: q.questionId, answers: 0, wrong: 0 };
      entry.answers++;
      if (!q.correct) entry.wrong++;
      counts.set(key, entry);
    }
  }

  return [...counts.values()]
    .filter((c) => c.wrong > 0)
    .sort(
      (a, b) =>
        b.wrong / b.answers - a.wrong / a.answers ||
        b.answers - a.answers ||
        a.moduleId.localeCompare(b.moduleId) ||
        a.questionId.localeCompare(b.questionId),
    )
    .map((c) => ({ moduleId: c.moduleId, questionId: c.questionId, answers: c.answers, wrong: c.wrong }));
}

async function missed(organisationId: string, asOf: Date) {
  const rows = await mostMissedQuestions(testDb.db, { organisationId, catalogue, asOf, limit: 1000, minAnswers: 1 });

  return rows.map(({ moduleId, questionId, answers, wrong }) => ({ moduleId, questionId, answers, wrong }));
}

async function coverageOf(organisationId: string) {
  const [row] = await testDb.db
    .select()
    .from(quizAnswerCoverage)
    .where(eq(quizAnswerCoverage.organisationId, organisationId));
  const days = await testDb.db
    .select({ n: sql<number>`count(*)::int` })
    .from(quizAnswerDays)
    .where(eq(quizAnswerDays.organisationId, organisationId));

  return { closedBefore: row?.closedBefore ?? null, days: days[0]!.n };
}

describe("most-missed questions from counted days", () => {
  it("equal the count over the events after old events are added, events deleted, and for another day", async () => {
    const rand = seededRandom(7);
    const organisationId = (await createOrganisation(testDb.db)).id;
    const other = (await createOrganisation(testDb.db)).id;
    const now = Date.now();
    const people = [];
    for (let i = 0; i < 12; i++) people.push((await createUser(testDb.db, { organisationId })).id);
    const outsider = (await createUser(testDb.db, { organisationId: other })).id;
    const events = [];
    for (const [i, userId] of people.entries()) {
      for (let k = 0; k < 6; k++)
        events.push(
          quizEvent(
            userId,
            organisationId,
            quizModules[(i + k) % quizModules.length]!,
            new Date(now - Math.floor(rand() * 420 * DAY)),
            rand,
          ),
        );
    }
    // Right on the edges: the first instant of the 12 months, UTC midnights, the day that closes.
    events.push(
      quizEvent(people[0]!, organisationId, quizModules[0]!, new Date(Math.ceil((now - 365 * DAY) / DAY) * DAY), rand),
    );
    events.push(
      quizEvent(
        people[1]!,
        organisationId,
        quizModules[0]!,
        new Date(Math.floor((now - CLOSED_AFTER_DAYS * DAY) / DAY) * DAY),
        rand,
      ),
    );
    events.push(
      quizEvent(
        people[2]!,
        organisationId,
        quizModules[0]!,
        new Date(Math.floor((now - CLOSED_AFTER_DAYS * DAY) / DAY) * DAY - 1),
        rand,
      ),
    );
    for (let k = 0; k < 20; k++)
      events.push(quizEvent(outsider, other, quizModules[0]!, new Date(now - Math.floor(rand() * 300 * DAY)), () => 0));
    await testDb.db.insert(learningEvents).values(events);
    const asOf = new Date(now);

    expect(await missed(organisationId, asOf)).toEqual(await expectedMissed(organisationId, asOf));
    const counted = await coverageOf(organisationId);
    expect(counted.closedBefore).not.toBeNull();
    expect(counted.days).toBeGreaterThan(0);

    // An old answer written by anyone (an import, a seed) is not missed: the counts are thrown away, then counted again.
    await testDb.db
      .insert(learningEvents)
      .values(quizEvent(people[3]!, organisationId, quizModules[1]!, new Date(now - 200 * DAY), () => 0));
    expect((await coverageOf(organisationId)).closedBefore).toBeNull();
    expect(await missed(organisationId, asOf)).toEqual(await expectedMissed(organisationId, asOf));

    // A recent answer (received now, whenever the browser says it happened) is read from the events.
    await testDb.db
      .insert(learningEvents)
      .values(quizEvent(people[4]!, organisationId, quizModules[1]!, new Date(now - 3 * DAY), () => 0, true));
    expect((await coverageOf(organisationId)).closedBefore).not.toBeNull();
    expect(await missed(organisationId, asOf)).toEqual(await expectedMissed(organisationId, asOf));

    // A deleted learner's answers go with them (cascade from users).
    await testDb.db.delete(users).where(eq(users.id, people[5]!));
    expect((await coverageOf(organisationId)).closedBefore).toBeNull();
    expect(await missed(organisationId, asOf)).toEqual(await expectedMissed(organisationId, asOf));

    // A changed event too.
    await testDb.db
      .update(learningEvents)
      .set({ receivedAt: new Date(now - 300 * DAY) })
      .where(eq(learningEvents.userId, people[6]!));
    expect(await missed(organisationId, asOf)).toEqual(await expectedMissed(organisationId, asOf));

    // Another day (the 12 months start elsewhere) and the other establishment, which sees only its own.
    for (const day of [new Date(now - 100 * DAY), new Date(now - 17.5 * DAY), new Date(now + 30 * DAY)])
      expect(await missed(organisationId, day)).toEqual(await expectedMissed(organisationId, day));
    expect(await missed(other, asOf)).toEqual(await expectedMissed(other, asOf));
  });

  it("never count a day the player can still add to: the database stamps each event's reception itself", async () => {
    const fixtures = loadCatalogue("tests/fixtures/courses");
    const organisationId = (await createOrganisation(testDb.db)).id;
    const learner = await createUser(testDb.db, { organisationId });
    await testDb.db
      .insert(learningEvents)
      .values(quizEvent(learner.id, organisationId, quizModules[0]!, new Date(Date.now() - 40 * DAY), () => 0));
    await missed(organisationId, new Date());
    const counted = await coverageOf(organisationId);
    expect(counted.closedBefore!.getTime()).toBeLessThanOrEqual(Date.now() - CLOSED_AFTER_DAYS * DAY);
    expect(counted.days).toBeGreaterThan(0);

    // Events the player sends late (offline for 80 days) are received now: the counted days stay.
    const now = new Date();
    await recordEvents(testDb.db, {
      learner: { userId: learner.id, organisationId },
      events: cleanPass(learner.id, new Date(now.getTime() - 80 * DAY)),
      catalogue: fixtures,
      now,
    });
    const stamps = await testDb.db
      .select({ receivedAt: learningEvents.receivedAt, occurredAt: learningEvents.occurredAt })
      .from(learningEvents)
      .where(eq(learningEvents.userId, learner.id));
    expect(stamps.length).toBeGreaterThan(2);
    for (const stamp of stamps.filter((s) => s.occurredAt.getTime() < now.getTime() - 79 * DAY))
      expect(Math.abs(stamp.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await coverageOf(organisationId)).toEqual(counted);
  });
});

describe("memberships.sort_name", () => {
  it("follows the user's name, whoever changes it, and orders the learner list", async () => {
    const organisationId = (await createOrganisation(testDb.db)).id;
    const zoe = await createUser(testDb.db, { organisationId, name: "Zoé Martin" });
    const bob = await createUser(testDb.db, { organisationId, name: "Bob Durand" });
    const nameless = await createUser(testDb.db, { organisationId, name: "x" });
    await testDb.db.update(users).set({ name: null }).where(eq(users.id, nameless.id));
    const names = async () =>
      (
        await listLearners(testDb.db, {
          organisationId,
          catalogue,
          asOf: new Date(),
          filters: learnerFiltersSchema.parse({}),
        })
      ).rows.map((r) => r.name);

    expect(await names()).toEqual(["", "Bob Durand", "Zoé Martin"]);
    await testDb.db.update(users).set({ name: "Adèle Zola" }).where(eq(users.id, zoe.id));
    expect(await names()).toEqual(["", "Adèle Zola", "Bob Durand"]);
    expect(
      (
        await testDb.db
          .select({ sortName: memberships.sortName })
          .from(memberships)
          .where(eq(memberships.userId, zoe.id))
      )[0]!.sortName,
    ).toBe("adèle zola");

    // A second membership of a known user, and a write that tries to set the column itself.
    const second = (await createOrganisation(testDb.db)).id;
    await testDb.db
      .insert(memberships)
      .values({ userId: bob.id, organisationId: second, role: "learner", sortName: "aaa" });
    await testDb.db.update(memberships).set({ sortName: "zzz" }).where(eq(memberships.userId, bob.id));
    const rows = await testDb.db
      .select({ sortName: memberships.sortName })
      .from(memberships)
      .where(eq(memberships.userId, bob.id));
    expect(rows.map((r) => r.sortName)).toEqual(["bob durand", "bob durand"]);
    expect(
      await testDb.db.execute(
        sql`select count(*)::int as n from memberships m join users u on u.id = m.user_id where m.sort_name <> lower(coalesce(u.name, ''))`,
      ),
    ).toMatchObject({ rows: [{ n: 0 }] });
  });
});

describe("the next dashboard load", () => {
  it("shows a module a learner has just completed through the player's write, and their quiz answers", async () => {
    const fixtures = loadCatalogue("tests/fixtures/courses");
    const organisationId = (await createOrganisation(testDb.db)).id;
    const learner = await createUser(testDb.db, { organisationId });
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "module", subjectId: "demo-module", dueOn: "2099-01-01" });
    const now = new Date();
    const load = async () => ({
      dashboard: await getDashboard(testDb.db, { organisationId, catalogue: fixtures, asOf: new Date(), teams: [] }),
      missed: await mostMissedQuestions(testDb.db, {
        organisationId,
        catalogue: fixtures,
        asOf: new Date(),
        minAnswers: 1,
      }),
    });

    const before = await load();
    expect(before.dashboard.learnerCounts).toEqual({ late: 0, not_started: 1, in_progress: 0, done: 0 });
    expect(before.missed).toEqual([]);

    await recordEvents(testDb.db, {
      learner: { userId: learner.id, organisationId },
      events: cleanPass(learner.id, new Date(now.getTime() - 10 * 60_000)),
      catalogue: fixtures,
      now,
    });

    const after = await load();
    expect(after.dashboard.learnerCounts).toEqual({ late: 0, not_started: 0, in_progress: 0, done: 1 });
    expect(after.dashboard.trend.at(-1)!.completions).toBe(1);
    expect(after.missed.length).toBeGreaterThan(0);
    expect(after.missed.every((q) => q.answers === 2 && q.wrong === 1)).toBe(true);
  });
});
