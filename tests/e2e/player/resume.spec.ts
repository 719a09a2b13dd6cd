import { expect, test } from "../fixtures";
import { courseModule, rightScenarioChoice } from "./content";

const module = courseModule("cles-usb");

test.describe("stopping and resuming", () => {
  test("a learner who stops at step 3 and reloads resumes at step 3", async ({ learnerPage: page }) => {
    await page.goto(`/modules/${module.id}`);
    await page.getByRole("button", { name: "Suivant" }).click();
    const scenario = module.steps[1]!;
    if (scenario.kind !== "scenario") throw new Error("step 2 of cles-usb is a scenario");
    await page.getByRole("radio", { name: rightScenarioChoice(scenario), exact: true }).check();
    await page.getByRole("button", { name: "Valider mon choix" }).click();
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByRole("heading", { level: 1, name: module.steps[2]!.title })).toBeVisible();
    await expect(page.getByText("Progression enregistrée")).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: module.steps[2]!.title })).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuetext", `Étape 3 sur ${module.steps.length}`);

    await page.goto("/modules");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: module.title }) });
    await expect(card.getByText("En cours")).toBeVisible();
    await card.getByRole("link", { name: "Reprendre" }).click();
    await expect(page.getByRole("heading", { level: 1, name: module.steps[2]!.title })).toBeVisible();
  });

  test("progress made offline is kept, shown as late, and sent when the network is back", async ({
    learnerPage: page,
    context,
    expectConsoleErrors,
  }) => {
    // The player's sends while offline fail at the network, as they should.
    expectConsoleErrors(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/);
    await page.goto(`/modules/${module.id}`);
    await expect(page.getByText("Progression enregistrée")).toBeVisible();

    await context.setOffline(true);
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByRole("heading", { level: 1, name: module.steps[1]!.title })).toBeVisible();
    await expect(page.getByText(/Connexion perdue\s: votre progression est gardée/)).toBeVisible();

    // A reload while offline is impossible; a new page on the same device still has the events.
    await context.setOffline(false);
    await expect(page.getByText("Progression enregistrée")).toBeVisible({ timeout: 40_000 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: module.steps[1]!.title })).toBeVisible();
  });

  test("a device with unsent progress opens at its own step, without showing the server's first and without a hydration error (React #418)", async ({
    learnerPage: page,
    expectConsoleErrors,
  }) => {
    // The sends this test stops (route.abort) are logged by the browser, as they should be.
    expectConsoleErrors(/^Failed to load resource: net::ERR_FAILED$/);
    const hydrationErrors: string[] = [];
    page.on("pageerror", (error) => hydrationErrors.push(error.message));
    await page.goto(`/modules/${module.id}`);
    await expect(page.getByText("Progression enregistrée")).toBeVisible();

    // From now on nothing reaches the server: step 2 stays on this device only.
    await page.route("**/api/progress/events", (route) => route.abort());
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByRole("heading", { level: 1, name: module.steps[1]!.title })).toBeVisible();

    // Every frame painted records the step title it shows, from the very first one.
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownSteps: string[] }).shownSteps = shown;
      const sample = () => {
        const heading = document.getElementById("step-title");
        if (heading && getComputedStyle(heading).visibility === "visible" && shown.at(-1) !== heading.textContent)
          shown.push(heading.textContent ?? "");
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    // Without ?etape=, the server knows only step 1.
    await page.goto(`/modules/${module.id}`);
    await expect(page.getByRole("heading", { level: 1, name: module.steps[1]!.title })).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuetext", `Étape 2 sur ${module.steps.length}`);
    expect(await page.evaluate(() => (window as unknown as { shownSteps: string[] }).shownSteps)).toEqual([
      module.steps[1]!.title,
    ]);
    expect(hydrationErrors).toEqual([]);
  });
});
