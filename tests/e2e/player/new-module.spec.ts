import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, test } from "../fixtures";
import { courseModule, rightScenarioChoice, shownQuizAnswers } from "./content";

// One module of « Réagir et protéger », taken to the end on a desktop and on a phone: its
// illustration, its drawn quiz and its certificate.
const module = courseModule("mode-degrade");

test.describe("a module of the second path", () => {
  test("is taken to completion and its certificate downloaded", async ({ learnerPage: page }) => {
    test.slow(); // a whole module, then a PDF
    await page.goto("/modules");
    const section = page.getByRole("region", { name: "Cybersécurité — Réagir et protéger" });
    const card = section.getByRole("listitem").filter({ has: page.getByRole("heading", { name: module.title }) });
    await expect(card.getByText(`Durée : ${module.durationMinutes} min`)).toBeVisible();
    await card.getByRole("link", { name: "Commencer" }).click();

    for (const step of module.steps) {
      await expect(page.getByRole("heading", { level: 1, name: step.title })).toBeVisible();
      if (step.kind === "lesson" && step.illustration) {
        await expect(page.getByRole("img", { name: step.illustration.alt })).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectNoAxeViolations(page);
      }
      if (step.kind === "scenario") {
        await page.getByRole("radio", { name: rightScenarioChoice(step), exact: true }).check();
        await page.getByRole("button", { name: "Valider mon choix" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Bonne réponse" })).toBeVisible();
      }
      if (step.kind === "quiz") {
        for (const question of await shownQuizAnswers(page, step)) {
          const group = page.getByRole("group", { name: question.prompt });
          for (const text of question.rightChoices)
            await group.getByRole(question.multiple ? "checkbox" : "radio", { name: text, exact: true }).check();
        }
        await expectNoHorizontalScroll(page);
        await page.getByRole("button", { name: "Valider mes réponses" }).click();
        await expect(
          page.getByText(`Votre score : ${step.objectives.length} / ${step.objectives.length} (100 %)`),
        ).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await page.getByRole("button", { name: step === module.steps.at(-1) ? "Terminer le module" : "Suivant" }).click();
    }

    await expect(page.getByRole("heading", { name: `Bravo, vous avez terminé « ${module.title} » !` })).toBeVisible();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger mon certificat (PDF)" }).click();
    const download = await downloading;
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), {
      mergePages: true,
    });
    const printed = text.replace(/\s+/g, " ");
    expect(printed).toContain(module.title);
    expect(printed).toContain(`${module.durationMinutes} min`);
  });
});
