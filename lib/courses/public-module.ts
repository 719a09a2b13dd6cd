import type { DrawnQuestion } from "@/db/schema";
import type { CourseModule, QuizStep, ScenarioStep, LessonStep, RecapStep } from "./types";

export type PublicQuizStep = Omit<QuizStep, "questions" | "objectives"> & {
  /** The attempt's draw, sent back with the answers; absent only outside a learner's page. */
  drawId?: string;
  questions: { id: string; prompt: string; multiple: boolean; choices: { id: string; text: string }[] }[];
};
export type PublicStep = LessonStep | RecapStep | ScenarioStep | PublicQuizStep;

export type PublicModule = {
  id: string;
  version: number;
  title: string;
  summary: string;
  durationMinutes: number;
  steps: PublicStep[];
};

/**
 * What the browser gets of a module: everything but the quiz's right answers and
 * explanations, which the server sends back with the grading; of the quiz, only the questions
 * drawn for this attempt, choices in the drawn order.
 */
export function toPublicModule(module: CourseModule, draw?: { id: string; questions: DrawnQuestion[] } | null): PublicModule {
  return {
    id: module.id,
    version: module.version,
    title: module.title,
    summary: module.summary,
    durationMinutes: module.durationMinutes,
    steps: module.steps.map((step) =>
      step.kind === "quiz"
        ? publicQuiz(step, draw ?? undefined)
        : step,
    ),
  };
}

function publicQuiz(step: QuizStep, draw?: { id: string; questions: DrawnQuestion[] }): PublicQuizStep {
  const { questions, objectives, ...rest } = step;
  const byId = new Map(questions.map((question) => [question.id, question]));
  const drawn = draw?.questions ?? objectives.map((o) => ({ questionId: o.questionIds[0]!, choiceIds: byId.get(o.questionIds[0]!)!.choices.map((c) => c.id) }));

  return {
    ...rest,
    ...(draw ? { drawId: draw.id } : {}),
    questions: drawn.map(({ questionId, choiceIds }) => {
      const { id, prompt, multiple, choices } = byId.get(questionId)!;
      const text = new Map(choices.map((choice) => [choice.id, choice.text]));

      return { id, prompt, multiple, choices: choiceIds.map((choiceId) => ({ id: choiceId, text: text.get(choiceId)! })) };
    }),
  };
}
