import { randomUUID } from "node:crypto";
import { E2E_BASE_URL } from "../../support/e2e-server";
import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, test } from "../fixtures";
import { courseModule, passQuiz, passQuizWithKeyboard } from "./content";

const module = courseModule("cles-usb");
const quizStep = module.steps.find((step) => step.kind === "quiz")!;

test.describe("taking a completed module again", () => {
  test("a learner who finished a module takes its quiz again, with the keyboard, to renew it", async ({
    learnerPage: page,
  }) => {
    // Reach the end through the events API, as the player would have; the quiz is answered on
    // the page, since the server grades only the questions it drew.
    const { user } = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
    const at = (minute: number) => new Date(Date.now() - (60 - minute) * 60_000).toISOString();
    const base = { learnerId: user.id, moduleId: module.id, moduleVersion: module.version, activeSeconds: 5 };
    const events = module.steps.map((step, index) => ({
      ...base,
      eventId: randomUUID(),
      kind: "step_viewed",
      stepId: step.id,
      occurredAt: at(index),
    }));
    const response = await page.request.post("/api/progress/events", {
      headers: { "Content-Type": "application/json", Origin: E2E_BASE_URL },
      data: { events },
    });
    expect(response.status()).toBe(200);
    if (quizStep.kind !== "quiz") throw new Error("cles-usb has a quiz");
    await page.goto(`/modules/${module.id}?etape=${quizStep.id}`);
    await passQuiz(page, quizStep);
    await expect(page.getByText("Progression enregistrée")).toBeVisible();

    await page.goto("/modules");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: module.title }) });
    await expect(card.getByText("Terminé")).toBeVisible();
    await page.goto(`/modules/${module.id}?etape=${quizStep.id}`);
    await expect(page.getByText("Vous avez déjà réussi ce quiz")).toBeVisible();
    await expectNoAxeViolations(page);

    await passQuizWithKeyboard(page, quizStep);
    await expect(page.getByText("Quiz réussi !")).toBeVisible();
    await expect(page.getByText("Progression enregistrée")).toBeVisible();
  });
});
