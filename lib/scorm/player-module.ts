import type { CourseModule, LessonStep, RecapStep, ScenarioStep } from "@/lib/courses/types";

type PlayerQuizStep = {
  id: string;
  kind: "quiz";
  title: string;
  introHtml?: string;
  passMark: number;
  /** Each objective with all its variants: the packaged player draws and grades with no server. */
  objectives: {
    id: string;
    questions: {
      id: string;
      prompt: string;
      multiple: boolean;
      choices: { id: string; text: string; correct: boolean }[];
      explanationHtml: string;
    }[];
  }[];
};

/** What the packaged player reads (window.VIGIE_SCO): the module as lib/courses renders it. */
export type PlayerModule = {
  id: string;
  version: number;
  packageId: string;
  title: string;
  steps: (LessonStep | RecapStep | ScenarioStep | PlayerQuizStep)[];
};

/**
 * The module for the packaged player: the same HTML and typography as Vigie's player (rendered
 * once by lib/courses), and the quiz's answers, since an LMS package grades in the browser.
 */
export function toPlayerModule(module: CourseModule, packageId: string): PlayerModule {
  return {
    id: module.id,
    version: module.version,
    packageId,
    title: module.title,
    steps: module.steps.map((step) => {
      if (step.kind !== "quiz") return step;
      const byId = new Map(step.questions.map((question) => [question.id, question]));

      return {
        id: step.id,
        kind: "quiz",
        title: step.title,
        introHtml: step.introHtml,
        passMark: step.passMark,
        objectives: step.objectives.map((objective) => ({
          id: objective.id,
          questions: objective.questionIds.map((id) => {
            const { objectiveId: _objective, ...question } = byId.get(id)!;

            return question;
          }),
        })),
      };
    }),
  };
}
