import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";
import { courseModule } from "../player/content";
import { seededName, typeName, userIdOf } from "./names";

/** Issue 17, "a name can never be corrected": the learner corrects their own, the manager a member's. */

test.describe("correcting a name", () => {
  test("a learner corrects their own name on Mon compte; a name of invisible characters changes nothing", async ({
    learnerPage: page,
    learnerEmail,
  }) => {
    const oldName = seededName(learnerEmail);
    const newName = `${oldName} Lefèvre-Nguyễn`;

    await page.goto("/mon-compte");
    await expect(page.getByRole("heading", { name: "Corriger le nom" })).toBeVisible();
    await typeName(page, "\u200B\u200B \u200D");
    await expect(page.getByText("Le nom n'a pas été changé : corrigez le champ indiqué.")).toBeVisible();
    await expect(page.getByText(/caractère invisible ou de contrôle/)).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Prénom et nom" })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Prénom et nom" })).toHaveValue(oldName);

    await typeName(page, newName);
    await expect(page.getByText(`Le nom est corrigé : « ${newName} ».`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Prénom et nom" })).toHaveValue(newName);
    await expect(page.getByText(`Connecté : ${newName}`)).toBeAttached();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // The header's refresh leaves the prerendered module shells as built: a module still opens
    // under its policy (a script it blocked would fail the test through the console).
    await page.goto("/modules/cles-usb");
    await expect(page.getByRole("heading", { level: 1, name: courseModule("cles-usb").steps[0]!.title })).toBeVisible();
    await expect(page.getByText(`Connecté : ${newName}`)).toBeAttached();
  });

  test("a manager corrects the name of a member of the establishment, and the member sees it", async ({
    learnerPage: person,
    learnerEmail,
  }) => {
    const userId = await userIdOf(person);
    const oldName = seededName(learnerEmail);
    const context = await person.context().browser()!.newContext({ viewport: person.viewportSize() });
    const manager = await context.newPage();
    await signInViaApi(manager.request, "rssi@vigie.test");

    await manager.goto(`/etablissement/apprenants/${userId}`);
    const section = manager.getByRole("region", { name: "Corriger le nom" });
    await expect(section.getByRole("textbox", { name: "Prénom et nom" })).toHaveValue(oldName);
    await typeName(manager, "A");
    await expect(section.getByText("Saisissez le prénom et le nom (2 caractères au moins).")).toBeVisible();
    await typeName(manager, `${oldName} Cœur`);
    await expect(section.getByText(`Le nom est corrigé : « ${oldName} Cœur ».`)).toBeVisible();
    await manager.reload();
    await expect(manager.getByRole("heading", { level: 1, name: `${oldName} Cœur` })).toBeVisible();
    await expectNoAxeViolations(manager);
    await expectNoHorizontalScroll(manager);
    await context.close();

    await person.goto("/mon-compte");
    await expect(person.getByRole("textbox", { name: "Prénom et nom" })).toHaveValue(`${oldName} Cœur`);
  });
});
