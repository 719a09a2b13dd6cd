import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, test } from "../fixtures";
import { courseModule, passQuiz, passQuizWithKeyboard, rightScenarioChoice, shownQuizAnswers } from "./content";
import { chooseRadio, pressButton } from "./keyboard";

const module = courseModule("cles-usb");
const total = module.steps.length;

test.describe("taking a module", () => {
  // The keyboard walk proves the focus and the keys; the next test scans each kind of screen with
  // axe. One test did both, and its nine scans brought it near the 60 s timeout under load.
  test("a learner completes a module with the keyboard alone", async ({ learnerPage: page, browserErrors }) => {
    // The catalogue and module pages are shells that only the proxy serves: nothing may prefetch them.
    const prefetches: string[] = [];
    page.on("request", (request) => {
      const headers = request.headers();
      if (
        new URL(request.url()).pathname.startsWith("/modules") &&
        (headers["next-router-prefetch"] || headers.purpose)
      )
        prefetches.push(request.url());
    });
    await page.goto("/modules");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: module.title }) });
    await expect(card.getByText("À faire")).toBeVisible();
    // "Lancer le parcours" is the path's button, to its first module (cles-usb is its second); each card starts its own.
    const path = page.getByRole("region", { name: "Cybersécurité — Les bonnes pratiques" });
    await expect(path.getByRole("link", { name: "Lancer le parcours" })).toHaveAttribute(
      "href",
      "/modules/usages-pro-perso",
    );
    await expect(card.getByRole("link", { name: "Lancer le parcours" })).toHaveCount(0);
    await pressButton(page, card.getByRole("link", { name: "Commencer" }));

    for (const [index, step] of module.steps.entries()) {
      const heading = page.getByRole("heading", { level: 1, name: step.title });
      await expect(heading).toBeVisible();
      await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuetext", `Étape ${index + 1} sur ${total}`);
      if (index > 0) await expect(heading).toBeFocused();

      if (step.kind === "scenario") {
        await expect(page.getByRole("button", { name: "Suivant" })).toBeDisabled();
        await chooseRadio(page, page.getByRole("group", { name: step.question }), rightScenarioChoice(step));
        await pressButton(page, page.getByRole("button", { name: "Valider mon choix" }));
        await expect(page.getByRole("status").filter({ hasText: "Bonne réponse" })).toBeFocused();
      }
      if (step.kind === "quiz") {
        await passQuizWithKeyboard(page, step);
        await expect(
          page.getByText(`Votre score : ${step.objectives.length} / ${step.objectives.length} (100 %)`),
        ).toBeVisible();
        await expect(page.getByText("Quiz réussi !")).toBeVisible();
      }

      const next = page.getByRole("button", { name: index === total - 1 ? "Terminer le module" : "Suivant" });
      await pressButton(page, next);
    }

    const done = page.getByRole("heading", { name: `Bravo, vous avez terminé « ${module.title} » !` });
    await expect(done).toBeFocused();
    await expect(page.getByText("Progression enregistrée")).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Module suivant : Ne laissez pas votre session ouverte" }),
    ).toBeVisible();

    await pressButton(page, page.getByRole("link", { name: "Retour à mes modules" }));
    await expect(card.getByText("Terminé")).toBeVisible();
    await expect(card.getByRole("link", { name: "Revoir", exact: true })).toBeVisible();
    await expect(path.getByRole("link", { name: "Reprendre le parcours" })).toHaveAttribute(
      "href",
      "/modules/usages-pro-perso",
    );
    await expect(page.getByText("1 module terminé sur 5")).toBeVisible();
    expect(browserErrors.list()).toEqual([]);
    expect(prefetches).toEqual([]);
  });

  test("every step fits the screen, and each kind of step, answered or not, and the end pass axe", async ({
    learnerPage: page,
  }) => {
    await page.goto(`/modules/${module.id}`);
    // A kind's second step is the same markup with other words: scanned once per kind.
    const scanned = new Set<string>();
    for (const step of module.steps) {
      await expect(page.getByRole("heading", { level: 1, name: step.title })).toBeVisible();
      await expectNoHorizontalScroll(page);
      const firstOfKind = !scanned.has(step.kind);
      scanned.add(step.kind);
      if (firstOfKind) await expectNoAxeViolations(page);

      if (step.kind === "scenario") {
        await page.getByRole("radio", { name: rightScenarioChoice(step), exact: true }).check();
        await page.getByRole("button", { name: "Valider mon choix" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Bonne réponse" })).toBeVisible();
        await expectNoHorizontalScroll(page);
        if (firstOfKind) await expectNoAxeViolations(page);
      }
      if (step.kind === "quiz") {
        await passQuiz(page, step);
        await expectNoHorizontalScroll(page);
        await expectNoAxeViolations(page);
      }
      await page.getByRole("button", { name: step === module.steps.at(-1) ? "Terminer le module" : "Suivant" }).click();
    }

    await expect(page.getByRole("heading", { name: `Bravo, vous avez terminé « ${module.title} » !` })).toBeFocused();
    await expect(page.getByText("Progression enregistrée")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test("a failed quiz shows the right answers explained and can be retried", async ({ learnerPage: page }) => {
    const quizIndex = module.steps.findIndex((step) => step.kind === "quiz");
    const quiz = module.steps[quizIndex]!;
    if (quiz.kind !== "quiz") throw new Error("cles-usb has no quiz");
    await page.goto(`/modules/${module.id}`);
    // Walk to the quiz, answering the scenarios on the way.
    for (const step of module.steps.slice(0, quizIndex)) {
      if (step.kind === "scenario") {
        await page.getByRole("radio", { name: rightScenarioChoice(step), exact: true }).check();
        await page.getByRole("button", { name: "Valider mon choix" }).click();
      }
      await page.getByRole("button", { name: "Suivant" }).click();
    }

    await page.getByRole("button", { name: "Valider mes réponses" }).click();
    await expect(page.getByText(/Répondez à toutes les questions avant de valider/)).toBeVisible();

    const shown = await shownQuizAnswers(page, quiz);
    for (const question of shown) {
      const group = page.getByRole("group", { name: question.prompt });
      if (question.multiple) await group.getByRole("checkbox", { name: question.wrongChoice, exact: true }).check();
      else await group.getByRole("radio", { name: question.wrongChoice, exact: true }).check();
    }
    await page.getByRole("button", { name: "Valider mes réponses" }).click();

    await expect(page.getByText(`Votre score : 0 / ${quiz.objectives.length} (0 %)`)).toBeVisible();
    await expect(page.getByText(/Il faut au moins 80\s%/)).toBeVisible();
    await expect(page.getByText(/La bonne réponse|Les bonnes réponses/).first()).toBeVisible();
    const explained = quiz.questions.find((question) => question.prompt === shown[0]!.prompt)!;
    await expect(
      page.getByText(
        explained.explanationHtml
          .replace(/<[^>]+>/g, "")
          .replace(/[\u00a0\u202f]/g, " ")
          .trim()
          .slice(0, 30),
      ),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Suivant" })).toBeDisabled();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Réessayer le quiz" }).click();
    await expect(page.getByRole("button", { name: "Valider mes réponses" })).toBeEnabled();
    await expect(page.getByRole("radio").first()).not.toBeChecked();
  });
});
