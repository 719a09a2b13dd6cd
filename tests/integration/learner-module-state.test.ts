import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import type { LearnerContext } from "@/lib/auth/guards";
import { currentEstablishment, currentEstablishmentValue } from "@/lib/auth/current-establishment";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { PublicQuizDraw } from "@/lib/courses/public-module";
import type { CourseModule, QuizStep } from "@/lib/courses/types";
import type { LearningEventInput } from "@/lib/progress/event-schema";
import { getLearnerModuleState } from "@/lib/progress/get-learner-module-state";
import { recordEvents } from "@/lib/progress/record-events";
import { type TestDb, createTestDb } from "../support/db";
import { scenarioAnswered, stepViewed } from "../support/events";

// What GET /api/progress/state answers (the route adds only the access check and the query's
// parsing: tests/e2e/player/state-api.spec.ts), and what the module page renders with.
const catalogue = loadCatalogue("tests/fixtures/courses");
const module = catalogue.moduleById.get("demo-module") as CourseModule;
const quiz = module.steps.find((step) => step.kind === "quiz") as QuizStep;
let testDb: TestDb;
let establishmentA: { id: string; name: string };
let establishmentB: { id: string; name: string };

beforeAll(async () => {
  testDb = await createTestDb();
  [establishmentA, establishmentB] = await Promise.all([createOrganisation(testDb.db), createOrganisation(testDb.db)]);
});

afterAll(async () => {
  await testDb?.close();
});

/** The learner as the access layer gives them (currentEstablishment), with the cookie's choice if any. */
async function learnerContext(userId: string, chosenOrganisationId?: string): Promise<LearnerContext> {
  const actor = (await loadActor(testDb.db, userId))!;
  const current = currentEstablishment(
    actor,
    chosenOrganisationId ? currentEstablishmentValue(userId, chosenOrganisationId) : null,
  );
  if (current.status !== "chosen") throw new Error(`no current establishment: ${current.status}`);

  return { actor, membership: current.membership };
}

async function newLearner(organisationId = establishmentA.id) {
  const user = await createUser(testDb.db, { organisationId, name: "Françoise Lefèvre-Nguyễn" });

  return { userId: user.id, organisationId };
}

const stateOf = async (userId: string, requestedStepId?: string, chosen?: string) =>
  getLearnerModuleState(testDb.db, { learner: await learnerContext(userId, chosen), module, requestedStepId });

const record = (learner: { userId: string; organisationId: string }, events: LearningEventInput[]) =>
  recordEvents(testDb.db, { learner, events, catalogue });

/** The right answers to the questions of the learner's draw, sent with it as the player does. */
function passingSubmission(learnerId: string, drawn: PublicQuizDraw): LearningEventInput {
  const answers = Object.fromEntries(
    drawn.questions.map(({ id }) => [
      id,
      quiz.questions
        .find((q) => q.id === id)!
        .choices.filter((c) => c.correct)
        .map((c) => c.id),
    ]),
  );

  return {
    eventId: randomUUID(),
    learnerId,
    moduleId: module.id,
    moduleVersion: module.version,
    occurredAt: new Date().toISOString(),
    activeSeconds: 5,
    kind: "quiz_submitted",
    stepId: quiz.id,
    answers,
    drawId: drawn.drawId,
  };
}

describe("a learner's state of a module", () => {
  it("for a fresh learner: the start, the quiz drawn once without its answers, the names for the header", async () => {
    const learner = await newLearner();
    const state = await stateOf(learner.userId);
    const again = await stateOf(learner.userId);

    expect(state).toMatchObject({
      moduleId: module.id,
      moduleVersion: module.version,
      learner: { id: learner.userId, name: "Françoise Lefèvre-Nguyễn", establishmentName: establishmentA.name },
      stepIndex: 0,
      furthestStepIndex: 0,
      quizPassed: false,
      completed: false,
      showCompletion: false,
    });
    expect(state.quiz?.questions.map((q) => q.id).sort()).toEqual(["plusieurs", "simple"]);
    expect(again.quiz).toEqual(state.quiz);
    expect(JSON.stringify(state)).not.toMatch(/correct|explanation|Parce que/);
  });

  it("after some progress: where the learner stopped, and a step asked for only once it is reached", async () => {
    const learner = await newLearner();
    const at = { learnerId: learner.userId, at: new Date() };
    await record(learner, [
      stepViewed(at, "lecon"),
      stepViewed(at, "situation"),
      scenarioAnswered(at, "situation", "remettre"),
    ]);

    expect(await stateOf(learner.userId)).toMatchObject({ stepIndex: 1, furthestStepIndex: 1, completed: false });
    expect((await stateOf(learner.userId, "quiz")).stepIndex).toBe(2);
    expect((await stateOf(learner.userId, "a-retenir")).stepIndex).toBe(1);
    expect((await stateOf(learner.userId, "fin")).showCompletion).toBe(false);
  });

  it("after passing the quiz through its draw: passed, and a new draw for the next attempt", async () => {
    const learner = await newLearner();
    const at = { learnerId: learner.userId, at: new Date() };
    const before = await stateOf(learner.userId);
    await record(learner, [
      stepViewed(at, "lecon"),
      stepViewed(at, "situation"),
      scenarioAnswered(at, "situation", "remettre"),
      stepViewed(at, "quiz"),
      passingSubmission(learner.userId, before.quiz!),
    ]);
    const after = await stateOf(learner.userId);

    expect(after).toMatchObject({ stepIndex: 2, furthestStepIndex: 2, quizPassed: true, completed: false });
    expect(after.quiz!.drawId).not.toBe(before.quiz!.drawId);
  });

  it("for a completed module: opens at the start, and shows the completion view when asked for it (etape=fin)", async () => {
    const learner = await newLearner();
    const at = { learnerId: learner.userId, at: new Date() };
    const { quiz: drawn } = await stateOf(learner.userId);
    await record(learner, [
      ...["lecon", "situation", "quiz"].map((step) => stepViewed(at, step)),
      scenarioAnswered(at, "situation", "remettre"),
      passingSubmission(learner.userId, drawn!),
      stepViewed(at, "a-retenir"),
    ]);

    expect(await stateOf(learner.userId)).toMatchObject({
      stepIndex: 0,
      furthestStepIndex: 3,
      quizPassed: true,
      completed: true,
      showCompletion: false,
    });
    expect((await stateOf(learner.userId, "fin")).showCompletion).toBe(true);
  });

  it("is the person's own: a learner of B gets a fresh state of the module A's learner took, whichever establishment they name", async () => {
    const ofA = await newLearner(establishmentA.id);
    const ofB = await newLearner(establishmentB.id);
    await record(ofA, [
      stepViewed({ learnerId: ofA.userId, at: new Date() }, "lecon"),
      stepViewed({ learnerId: ofA.userId, at: new Date() }, "situation"),
    ]);

    // A's establishment in B's learner's cookie chooses nothing: they are not a member of it.
    const stateOfB = await stateOf(ofB.userId, undefined, establishmentA.id);

    expect(stateOfB).toMatchObject({
      learner: { id: ofB.userId, establishmentName: establishmentB.name },
      stepIndex: 0,
      furthestStepIndex: 0,
    });
    expect(stateOfB.quiz!.drawId).not.toBe((await stateOf(ofA.userId)).quiz!.drawId);
  });

  it("for a person of both establishments: their own progress and draw, in the establishment they chose", async () => {
    const person = await newLearner(establishmentB.id);
    await testDb.db
      .insert(memberships)
      .values({ userId: person.userId, organisationId: establishmentA.id, role: "learner" });
    const at = { learnerId: person.userId, at: new Date() };
    await record(person, [stepViewed(at, "lecon"), stepViewed(at, "situation")]);
    const colleagueOfA = await newLearner(establishmentA.id);

    const inA = await stateOf(person.userId, undefined, establishmentA.id);
    const inB = await stateOf(person.userId, undefined, establishmentB.id);

    expect(inA).toMatchObject({ learner: { id: person.userId, establishmentName: establishmentA.name }, stepIndex: 1 });
    expect(inB).toMatchObject({ learner: { id: person.userId, establishmentName: establishmentB.name }, stepIndex: 1 });
    expect(inA.quiz).toEqual(inB.quiz);
    expect(await stateOf(colleagueOfA.userId)).toMatchObject({ stepIndex: 0, furthestStepIndex: 0 });
  });
});
