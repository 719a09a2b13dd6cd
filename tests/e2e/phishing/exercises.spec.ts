import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

const MANAGER = "rssi@vigie.test";

test.describe("the manager's phishing exercises", () => {
  test("prepares an exercise, cannot launch it before confirming that staff were told, then launches and cancels it", async ({
    page,
  }, testInfo) => {
    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/exercices");
    await expect(page.getByRole("heading", { level: 1, name: "Exercices d'hameçonnage" })).toBeVisible();
    await expect(page.getByText(/personnes? joignables? par e-mail/)).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    if (testInfo.project.name === "phone") expect(await page.evaluate(() => window.innerWidth)).toBe(360);

    // A bad number of days: a clear message, nothing prepared.
    const before = await page.getByRole("row").count();
    await page.getByLabel("Nombre de jours ouvrés").fill("40");
    await page.getByRole("button", { name: "Préparer l'exercice" }).click();
    await expect(page.getByText("Indiquez un nombre de jours ouvrés entre 1 et 20.")).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(before);

    await page.getByLabel("Scénario").selectOption({ index: 1 });
    await page.getByLabel("Nombre de jours ouvrés").fill("5");
    await page.getByRole("button", { name: "Préparer l'exercice" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Exercice préparé." })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "En préparation" }).first();
    // A draft gives what its launch would plan (countDraftMessages), not the nothing sent so far.
    await expect(row.getByText(/^\d+ messages? prévus? au lancement$/)).toBeVisible();

    await row.getByRole("button", { name: "Lancer l'exercice" }).click();
    await expect(
      row.getByText("Cochez la confirmation : le personnel doit avoir été informé avant tout exercice."),
    ).toBeVisible();
    await expect(row.getByText("En préparation")).toBeVisible();
    await expectNoAxeViolations(page);

    await row.getByRole("checkbox", { name: /Je confirme que le personnel a été informé/ }).check();
    await row.getByRole("button", { name: "Lancer l'exercice" }).click();
    const running = page.getByRole("row").filter({ hasText: "En cours" }).first();
    await expect(running.getByText(/Information du personnel confirmée par/)).toBeVisible();

    await running.getByRole("button", { name: "Annuler l'exercice" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Annulé" }).first()).toBeVisible();
  });

  test("a link of no exercise gets the plain page, the same for a forged token and for anything else", async ({
    page,
  }) => {
    for (const token of ["A".repeat(43), "pas-un-jeton"]) {
      const response = await page.goto(`/exercice/${token}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Lien inconnu ou expiré" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Voir ce que j'aurais dû remarquer" })).toHaveCount(0);
    }
    await expectNoAxeViolations(page);
  });
});
