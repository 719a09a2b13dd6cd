import { type Page, expect } from "@playwright/test";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule, QuizStep, ScenarioStep } from "@/lib/courses/types";
import { chooseRadio, pressButton, tickCheckbox } from "./keyboard";

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

/**
 * The questions the page shows, in the page's order: the server draws one variant per objective,
 * so a test answers what it sees rather than every variant of the file.
 */
export async function shownQuizAnswers(page: Page, step: QuizStep) {
  await expect(page.getByRole("button", { name: "Valider mes réponses" })).toBeVisible();
  const legends = await page.locator("fieldset legend").allTextContents();
  const shown = quizAnswers(step).filter((question) => legends.some((legend) => legend.includes(question.prompt)));
  expect(shown, "one drawn question per objective").toHaveLength(step.objectives.length);

  return shown;
}

/** Takes `module` from its first step to its end, where `page` is on it, with the right answers. */
export async function completeModule(page: Page, module: CourseModule): Promise<void> {
  for (const step of module.steps) {
    await expect(page.getByRole("heading", { level: 1, name: step.title })).toBeVisible();
    if (step.kind === "scenario") {
      await page.getByRole("radio", { name: rightScenarioChoice(step), exact: true }).check();
      await page.getByRole("button", { name: "Valider mon choix" }).click();
    }
    if (step.kind === "quiz") await passQuiz(page, step);
    await page.getByRole("button", { name: step === module.steps.at(-1) ? "Terminer le module" : "Suivant" }).click();
  }
}

/** Ticks the right answers of the questions `page` shows for `step`, sends them, and waits for the pass. */
export async function passQuiz(page: Page, step: QuizStep): Promise<void> {
  for (const question of await shownQuizAnswers(page, step)) {
    const group = page.getByRole("group", { name: question.prompt });
    for (const text of question.rightChoices)
      await group.getByRole(question.multiple ? "checkbox" : "radio", { name: text, exact: true }).check();
  }
  await page.getByRole("button", { name: "Valider mes réponses" }).click();
  await expect(page.getByText("Quiz réussi !")).toBeVisible();
}

/** passQuiz with the keyboard alone: ticks the right answers, sends them, and the result takes the focus. */
export async function passQuizWithKeyboard(page: Page, step: QuizStep): Promise<void> {
  for (const question of await shownQuizAnswers(page, step)) {
    const group = page.getByRole("group", { name: question.prompt });
    if (question.multiple) {
      // In the page's order (the server may shuffle the choices), as Tab only goes forward.
      const boxes = question.rightChoices.map((text) => group.getByRole("checkbox", { name: text, exact: true }));
      const places = await Promise.all(
        boxes.map((box) =>
          box.evaluate((el) => [...el.closest("fieldset")!.querySelectorAll("input")].indexOf(el as HTMLInputElement)),
        ),
      );
      for (const index of places.map((_, i) => i).sort((a, b) => places[a]! - places[b]!))
        await tickCheckbox(page, boxes[index]!);
    } else {
      await chooseRadio(page, group, question.rightChoices[0]!);
    }
  }
  await pressButton(page, page.getByRole("button", { name: "Valider mes réponses" }));
  await expect(page.getByRole("heading", { name: "Votre résultat" })).toBeFocused();
}
