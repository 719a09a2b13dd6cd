import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learningEvents, quizDraws } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { toPublicModule } from "@/lib/courses/public-module";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule, QuizStep } from "@/lib/courses/types";
import type { LearningEventInput } from "@/lib/progress/event-schema";
import { getQuizDraw } from "@/lib/progress/get-quiz-draw";
import { getModuleProgress } from "@/lib/progress/queries";
import { type Learner, recordEvents } from "@/lib/progress/record-events";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue("tests/fixtures/courses");
const module = catalogue.moduleById.get("pool-module") as CourseModule;
const quiz = module.steps.find((step) => step.kind === "quiz") as QuizStep;
const now = new Date();
let testDb: TestDb;
let organisationId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  organisationId = (await createOrganisation(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function newLearner(): Promise<Learner> {
  return { userId: (await createUser(testDb.db, { organisationId })).id, organisationId };
}

const draw = (learner: Learner) => getQuizDraw(testDb.db, { userId: learner.userId, organisationId, module });

function submission(learner: Learner, answers: Record<string, string[]>, drawId?: string): LearningEventInput {
  return {
    eventId: randomUUID(),
    learnerId: learner.userId,
    moduleId: module.id,
    moduleVersion: module.version,
    occurredAt: now.toISOString(),
    activeSeconds: 5,
    kind: "quiz_submitted",
    stepId: quiz.id,
    answers,
    ...(drawId ? { drawId } : {}),
  };
}

const finish = (learner: Learner): LearningEventInput => ({
  eventId: randomUUID(),
  learnerId: learner.userId,
  moduleId: module.id,
  moduleVersion: module.version,
  occurredAt: now.toISOString(),
  activeSeconds: 5,
  kind: "step_viewed",
  stepId: quiz.id,
});

/** The right answers of the questions a draw asks. */
const rightAnswers = (questionIds: string[]) =>
  Object.fromEntries(
    questionIds.map((id) => [
      id,
      quiz.questions
        .find((q) => q.id === id)!
        .choices.filter((c) => c.correct)
        .map((c) => c.id),
    ]),
  );

const record = (learner: Learner, events: LearningEventInput[]) =>
  recordEvents(testDb.db, { learner, events, catalogue, now });

describe("quizzes graded by the server against its draw", () => {
  it("draws one variant per objective, and gives the same draw on every reload until it is used", async () => {
    const learner = await newLearner();
    const first = await draw(learner);
    const again = await draw(learner);

    expect(first!.questions.map((q) => quiz.questions.find((v) => v.id === q.questionId)!.objectiveId)).toEqual([
      "cle",
      "session",
    ]);
    expect(again).toEqual(first);
    const shown = toPublicModule(module, first).steps.find((step) => step.kind === "quiz");
    expect(shown).toMatchObject({
      drawId: first!.id,
      questions: first!.questions.map((q) => ({ id: q.questionId, choices: q.choiceIds.map((id) => ({ id })) })),
    });
    expect(JSON.stringify(shown)).not.toContain("correct");
  });

  it("completes nothing for a forged submission: no draw, empty answers, questions it did not draw, someone else's draw", async () => {
    const learner = await newLearner();
    const other = await newLearner();
    const mine = await draw(learner);
    const theirs = await draw(other);
    const drawn = mine!.questions.map((q) => q.questionId);
    const undrawn = quiz.questions.filter((q) => !drawn.includes(q.id)).map((q) => q.id);

    await expect(record(learner, [submission(learner, rightAnswers(drawn))])).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(
      record(learner, [submission(learner, rightAnswers(undrawn.slice(0, 2)), mine!.id)]),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      record(learner, [submission(learner, rightAnswers(theirs!.questions.map((q) => q.questionId)), theirs!.id)]),
    ).rejects.toMatchObject({ code: "not_found" });
    const fresh = await draw(learner);
    const empty = await record(learner, [submission(learner, {}, fresh!.id), finish(learner)]);

    expect(empty.outcomes[0]!.quizResult).toMatchObject({ score: 0, passed: false });
    const progress = await getModuleProgress(testDb.db, learner.userId, module.id);
    expect(progress?.quizPassedAt).toBeNull();
    expect(progress?.completedAt).toBeNull();
  });

  it("passes with the drawn questions answered right, once; a retry of the same event is a duplicate, another event on that draw is refused", async () => {
    const learner = await newLearner();
    const current = await draw(learner);
    const answers = rightAnswers(current!.questions.map((q) => q.questionId));
    const event = submission(learner, answers, current!.id);

    const first = await record(learner, [event, finish(learner)]);
    const retry = await record(learner, [event]);

    expect(first.outcomes[0]).toMatchObject({ status: "recorded", quizResult: { score: 100, passed: true } });
    expect(retry.outcomes[0]).toMatchObject({ status: "duplicate", quizResult: first.outcomes[0]!.quizResult });
    expect((await getModuleProgress(testDb.db, learner.userId, module.id))?.completedAt).not.toBeNull();
    await expect(record(learner, [submission(learner, answers, current!.id)])).rejects.toMatchObject({
      code: "not_found",
    });
    const [stored] = await testDb.db
      .select({ payload: learningEvents.payload })
      .from(learningEvents)
      .where(eq(learningEvents.eventId, event.eventId));
    expect(stored!.payload.drawId).toBe(current!.id);
  });

  it("draws other variants for a retry, and for the next attempt after that, until the pool is used up", async () => {
    const learner = await newLearner();
    const asked: string[][] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await draw(learner);
      asked.push(current!.questions.map((q) => q.questionId));
      await record(learner, [submission(learner, {}, current!.id)]);
    }

    // Three variants per objective: three attempts never ask the same question twice.
    expect(new Set(asked.flat()).size).toBe(6);
    const fourth = await draw(learner);
    expect(fourth!.questions.map((q) => q.questionId)).toEqual(asked[0]);
    const draws = await testDb.db.select().from(quizDraws).where(eq(quizDraws.userId, learner.userId));
    expect(draws.filter((row) => row.submittedEventId === null)).toHaveLength(1);
  });

  it("gives two tabs opening the quiz at once the same draw", async () => {
    const learner = await newLearner();
    const [a, b] = await Promise.all([draw(learner), draw(learner)]);

    expect(a!.id).toBe(b!.id);
  });
});

describe("the real modules' pools, graded by the server", () => {
  const real = loadCatalogue();

  it.each(real.modules.map((m) => [m.id, m] as const))(
    "%s: draws one variant per objective, passes right answers, fails wrong ones, and a retry asks other variants",
    async (_id, realModule) => {
      const realQuiz = realModule.steps.find((step) => step.kind === "quiz") as QuizStep;
      const learner = await newLearner();
      const drawOf = () => getQuizDraw(testDb.db, { userId: learner.userId, organisationId, module: realModule });
      const submit = (answers: Record<string, string[]>, drawId: string) =>
        recordEvents(testDb.db, {
          learner,
          catalogue: real,
          now,
          events: [
            {
              eventId: randomUUID(),
              learnerId: learner.userId,
              moduleId: realModule.id,
              moduleVersion: realModule.version,
              occurredAt: now.toISOString(),
              activeSeconds: 5,
              kind: "quiz_submitted",
              stepId: realQuiz.id,
              answers,
              drawId,
            },
          ],
        });
      const byId = new Map(realQuiz.questions.map((q) => [q.id, q]));

      const first = (await drawOf())!;
      expect(first.questions.map((q) => byId.get(q.questionId)!.objectiveId)).toEqual(
        realQuiz.objectives.map((o) => o.id),
      );
      const wrong = Object.fromEntries(
        first.questions.map((q) => [q.questionId, [byId.get(q.questionId)!.choices.find((c) => !c.correct)!.id]]),
      );
      const failed = await submit(wrong, first.id);
      expect(failed.outcomes[0]!.quizResult).toMatchObject({ score: 0, passed: false });

      const second = (await drawOf())!;
      const firstIds = new Set(first.questions.map((q) => q.questionId));
      expect(second.questions.some((q) => firstIds.has(q.questionId))).toBe(false);
      const right = Object.fromEntries(
        second.questions.map((q) => [
          q.questionId,
          byId
            .get(q.questionId)!
            .choices.filter((c) => c.correct)
            .map((c) => c.id),
        ]),
      );
      const passed = await submit(right, second.id);
      expect(passed.outcomes[0]!.quizResult).toMatchObject({ score: 100, passed: true });
      expect((await getModuleProgress(testDb.db, learner.userId, realModule.id))?.quizPassedAt).not.toBeNull();
    },
  );
});
