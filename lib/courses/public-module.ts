import type { CourseModule, QuizStep, ScenarioStep, LessonStep, RecapStep } from "./types";

export type PublicQuizStep = Omit<QuizStep, "questions"> & {
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
 * explanations, which the server sends back with the grading.
 */
export function toPublicModule(module: CourseModule): PublicModule {
  return {
    id: module.id,
    version: module.version,
    title: module.title,
    summary: module.summary,
    durationMinutes: module.durationMinutes,
    steps: module.steps.map((step) =>
      step.kind === "quiz"
        ? {
            ...step,
            questions: step.questions.map(({ id, prompt, multiple, choices }) => ({
              id,
              prompt,
              multiple,
              choices: choices.map(({ id: choiceId, text }) => ({ id: choiceId, text })),
            })),
          }
        : step,
    ),
  };
}
