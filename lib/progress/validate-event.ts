import type { Catalogue, CourseModule } from "@/lib/courses/types";
import type { LearningEventInput } from "./event-schema";
import { type QuizResult, gradeQuiz } from "./grade-quiz";

/** An event checked against the content: where it is in the module and what it changes. */
export type CheckedEvent = {
  input: LearningEventInput;
  module: CourseModule;
  stepIndex: number;
  occurredAt: Date;
  isLastStep: boolean;
  quizResult?: QuizResult;
  payload: Record<string, unknown>;
};

export type EventRejection = { eventId: string; code: "not_found" | "stale_content" | "bad_request"; reason: string };

// Browsers' clocks drift; an event "from the future" is taken as happening now.
const OLDEST_EVENT_MS = 90 * 24 * 60 * 60 * 1000;

/** A quiz draw this event's submission claimed (lib/progress/claim-quiz-draws.ts). */
export type ClaimedDraw = {
  moduleId: string;
  moduleVersion: number;
  stepId: string;
  questionIds: string[];
  submittedEventId: string;
};

/**
 * Checks one event against the catalogue (and, for a quiz, the draw it claimed); returns what
 * it means or why it is refused.
 */
export function validateEvent(
  catalogue: Catalogue,
  input: LearningEventInput,
  now: Date,
  draws: ReadonlyMap<string, ClaimedDraw> = new Map(),
): CheckedEvent | EventRejection {
  const reject = (code: EventRejection["code"], reason: string): EventRejection => ({
    eventId: input.eventId,
    code,
    reason,
  });
  const module = catalogue.moduleById.get(input.moduleId);
  if (!module) return reject("not_found", `unknown module "${input.moduleId}"`);
  if (module.version !== input.moduleVersion) {
    return reject("stale_content", `module "${module.id}" is at version ${module.version}, not ${input.moduleVersion}`);
  }
  const stepIndex = module.steps.findIndex((step) => step.id === input.stepId);
  const step = module.steps[stepIndex];
  if (!step) return reject("not_found", `unknown step "${input.stepId}" in module "${module.id}"`);

  const sent = new Date(input.occurredAt);
  if (now.getTime() - sent.getTime() > OLDEST_EVENT_MS) return reject("bad_request", "event is more than 90 days old");
  const occurredAt = sent > now ? now : sent;
  const checked = { input, module, stepIndex, occurredAt, isLastStep: stepIndex === module.steps.length - 1 };

  switch (input.kind) {
    case "step_viewed":
      return { ...checked, payload: {} };
    case "scenario_answered": {
      if (step.kind !== "scenario") return reject("bad_request", `step "${step.id}" is not a scenario`);
      const choice = step.choices.find((c) => c.id === input.choiceId);
      if (!choice) return reject("not_found", `unknown choice "${input.choiceId}" in step "${step.id}"`);
      return { ...checked, payload: { choiceId: choice.id, correct: choice.correct } };
    }
    case "quiz_submitted": {
      if (step.kind !== "quiz") return reject("bad_request", `step "${step.id}" is not a quiz`);
      // Graded against the questions the server drew: an attempt cannot pick its questions.
      const draw = input.drawId ? draws.get(input.drawId) : undefined;
      if (
        input.drawId &&
        (!draw ||
          draw.submittedEventId !== input.eventId ||
          draw.moduleId !== module.id ||
          draw.moduleVersion !== module.version ||
          draw.stepId !== step.id)
      ) {
        return reject("not_found", `no open draw "${input.drawId}" of this learner for step "${step.id}"`);
      }
      if (!draw && step.objectives.some((o) => o.questionIds.length > 1))
        return reject("bad_request", `the quiz of "${module.id}" is answered through its draw`);
      const drawnIds = draw?.questionIds ?? step.objectives.map((o) => o.questionIds[0]!);
      for (const [questionId, choiceIds] of Object.entries(input.answers)) {
        const question = drawnIds.includes(questionId) ? step.questions.find((q) => q.id === questionId) : undefined;
        if (!question) return reject("not_found", `unknown question "${questionId}" in step "${step.id}"`);
        const unknown = choiceIds.find((choiceId) => !question.choices.some((c) => c.id === choiceId));
        if (unknown) return reject("not_found", `unknown choice "${unknown}" in question "${questionId}"`);
      }
      const quizResult = gradeQuiz(step, input.answers, drawnIds);
      return {
        ...checked,
        quizResult,
        payload: { answers: input.answers, ...(draw ? { drawId: input.drawId } : {}), result: quizResult },
      };
    }
  }
}
