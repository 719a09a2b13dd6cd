import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule, QuizStep, ScenarioStep } from "@/lib/courses/types";

export const catalogue = loadCatalogue();

/** The real module as the app serves it, to find its steps and right answers. */
export function courseModule(id: string): CourseModule {
  return catalogue.moduleById.get(id)!;
}

export function rightScenarioChoice(step: ScenarioStep): string {
  return step.choices.find((choice) => choice.correct)!.text;
}

export function quizAnswers(step: QuizStep) {
  return step.questions.map((question) => ({
    prompt: question.prompt,
    multiple: question.multiple,
    rightChoices: question.choices.filter((choice) => choice.correct).map((choice) => choice.text),
    wrongChoice: question.choices.find((choice) => !choice.correct)!.text,
  }));
}
