import type { ContentIssue } from "./content-error";
import { MAX_MODULE_MINUTES } from "./estimate-duration";
import type { Catalogue, CourseModule } from "./types";

/** Above this share of single-answer questions whose right answer is the longest choice, length gives it away. */
export const MAX_LONGEST_RIGHT_SHARE = 0.4;
/** Variants an objective needs, so that a retry and the yearly renewal ask something else. */
export const MIN_VARIANTS = 3;

type ChoiceLike = { text: string; correct: boolean };

/** The module's single-answer questions: its scenarios and every quiz variant with one right choice. */
function singleAnswerQuestions(module: CourseModule): { id: string; choices: ChoiceLike[] }[] {
  return module.steps
    .flatMap((step): { id: string; choices: ChoiceLike[] }[] => (step.kind === "scenario" ? [{ id: step.id, choices: step.choices }] : step.kind === "quiz" ? step.questions : []))
    .filter((question) => question.choices.filter((choice) => choice.correct).length === 1);
}

/** How many single-answer questions (scenarios and every quiz variant) have the right answer as their longest choice. */
export function longestRightCount(module: CourseModule): { longest: string[]; total: number } {
  const questions = singleAnswerQuestions(module);

  return { longest: questions.filter((question) => isLongestRight(question.choices)).map((question) => question.id), total: questions.length };
}

/** How many single-answer questions have the right answer as their strictly shortest choice (the opposite cue). */
export function shortestRightCount(module: CourseModule): { shortest: string[]; total: number } {
  const questions = singleAnswerQuestions(module);
  const isShortestRight = (choices: ChoiceLike[]) => {
    const right = choices.find((choice) => choice.correct)!.text.length;
    return choices.every((choice) => choice.correct || choice.text.length > right);
  };

  return { shortest: questions.filter((question) => isShortestRight(question.choices)).map((question) => question.id), total: questions.length };
}

/** The right choice is strictly longer than every wrong one (a tie gives nothing away). */
function isLongestRight(choices: ChoiceLike[]): boolean {
  const right = choices.find((choice) => choice.correct)!.text.length;

  return choices.every((choice) => choice.correct || choice.text.length < right);
}

/**
 * The rules a quiz must meet before learners see it, beyond the schema (docs/writing-a-course.md):
 * length must not give the answer away, a multiple-answer question needs two wrong choices or more,
 * every objective is a pool of MIN_VARIANTS variants, and the module fits MAX_MODULE_MINUTES.
 */
export function checkCourseRules(catalogue: Pick<Catalogue, "modules">): ContentIssue[] {
  return catalogue.modules.flatMap(checkModuleRules);
}

export function checkModuleRules(module: CourseModule): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const manifest = `${module.stepFiles[0]!.replace(/\/[^/]+$/, "")}/module.yaml`;

  if (module.estimatedMinutes > MAX_MODULE_MINUTES) {
    issues.push({
      file: manifest,
      field: "steps",
      reason: `module "${module.id}" takes ${module.estimatedMinutes.toFixed(1)} min (${module.readingWords} words, ${module.decisions} decisions), more than ${MAX_MODULE_MINUTES}: cut the lessons`,
    });
  }

  const { longest, total } = longestRightCount(module);
  if (total > 0 && longest.length / total > MAX_LONGEST_RIGHT_SHARE) {
    issues.push({
      file: manifest,
      field: "steps",
      reason:
        `module "${module.id}": the right answer is the longest choice in ${longest.length} of ${total} single-answer questions ` +
        `(${Math.round((100 * longest.length) / total)} %, more than ${MAX_LONGEST_RIGHT_SHARE * 100} %): ${longest.join(", ")}; shorten the right answers or write fuller wrong ones`,
    });
  }

  module.steps.forEach((step, index) => {
    if (step.kind !== "quiz") return;
    const file = module.stepFiles[index]!;
    for (const objective of step.objectives) {
      if (objective.questionIds.length < MIN_VARIANTS) {
        issues.push({ file, field: "questions", reason: `objective "${objective.id}" has ${objective.questionIds.length} variant(s), needs at least ${MIN_VARIANTS}` });
      }
    }
    for (const question of step.questions) {
      const wrong = question.choices.filter((choice) => !choice.correct).length;
      if (question.multiple && wrong < 2) {
        issues.push({ file, field: "questions", reason: `question "${question.id}" has several right answers but ${wrong} wrong choice(s): it needs at least 2, or ticking all but the odd one out passes` });
      }
    }
  });

  return issues;
}
