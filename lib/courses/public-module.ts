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

/** The quiz part of one learner's attempt: the draw's id and its questions, never the answers. */
export type PublicQuizDraw = { drawId: string; questions: PublicQuizStep["questions"] };

/** The learner's draw of the module's quiz, as the player shows it (see toPublicModule). */
export function publicQuizDraw(module: CourseModule, draw: { id: string; questions: DrawnQuestion[] }): PublicQuizDraw {
  const quiz = module.steps.find((step): step is QuizStep => step.kind === "quiz");
  if (!quiz) throw new Error(`module ${module.id} has no quiz`);

  return { drawId: draw.id, questions: publicQuiz(quiz, draw).questions };
}

/**
 * What every learner gets of a module at a version, the same for all: its quiz without any
 * question, since the questions are drawn per learner and come with their state (withQuizDraw).
 */
export function moduleContent(module: CourseModule): PublicModule {
  const content = toPublicModule(module);

  return { ...content, steps: content.steps.map((step) => (step.kind === "quiz" ? { ...step, questions: [] } : step)) };
}

/** The module's content with the learner's draw in its quiz step. Safe in the browser. */
export function withQuizDraw(content: PublicModule, quiz: PublicQuizDraw | null): PublicModule {
  if (!quiz) return content;

  return {
    ...content,
    steps: content.steps.map((step) =>
      step.kind === "quiz" ? { ...step, drawId: quiz.drawId, questions: quiz.questions } : step,
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
