import { randomUUID } from "node:crypto";
import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

test.describe("establishments and teams", () => {
  test("a platform admin adds an establishment and names its manager", async ({ page }) => {
    const suffix = randomUUID().slice(0, 6);
    await signInViaApi(page.request, "admin@vigie.test");
    await page.goto("/centre/etablissements");
    await expect(page.getByRole("rowheader", { name: "Centre hospitalier des Calanques (démo)" })).toBeVisible();

    await page.getByLabel("Nom", { exact: true }).fill(`EHPAD Les Oliviers ${suffix}`);
    await page.getByLabel("Numéro FINESS (facultatif)").fill("12345");
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(page.getByText(/Le numéro FINESS compte 9 caractères/)).toBeVisible();
    await expect(page.getByLabel("Nom", { exact: true })).toHaveValue(`EHPAD Les Oliviers ${suffix}`);
    await page.getByLabel("Numéro FINESS (facultatif)").fill("130000123");
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(page.getByText(`« EHPAD Les Oliviers ${suffix} » a été ajouté.`)).toBeVisible();

    await page.reload();
    await page.getByLabel("Établissement", { exact: true }).selectOption({ label: `EHPAD Les Oliviers ${suffix}` });
    await page.getByLabel("Nom du gestionnaire").fill("Nadia Haddad");
    await page.getByLabel("Adresse e-mail du gestionnaire").fill(`direction-${suffix}@ehpad.test`);
    await page.getByRole("button", { name: "Nommer gestionnaire" }).click();
    await expect(page.getByText(`direction-${suffix}@ehpad.test est gestionnaire de l'établissement.`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(`EHPAD Les Oliviers ${suffix}`) })).toContainText(
      "Nadia Haddad",
    );
    await expectNoAxeViolations(page);
  });

  test("a manager adds and removes a service of their establishment", async ({ page }) => {
    const name = `Bloc opératoire ${randomUUID().slice(0, 6)}`;
    await signInViaApi(page.request, "rssi@vigie.test");
    await page.goto("/");
    await page.getByRole("link", { name: "Mon établissement" }).click();
    await expect(page).toHaveURL(/\/etablissement\/tableau-de-bord/);
    await page.getByRole("link", { name: "Services", exact: true }).click();
    await expect(page).toHaveURL(/\/etablissement\/equipes/);
    await expect(page.getByRole("listitem").filter({ hasText: "Service des urgences" })).toBeVisible();

    await page.getByLabel(/Nom du service/).fill(name);
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(page.getByText(`Le service « ${name} » a été ajouté.`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: `Supprimer ${name}` }).click();
    await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  });

  test("a learner has no manager links and gets not found on the admin and team pages", async ({
    learnerPage: page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/(centre\/etablissements|etablissement\/equipes)$/, 404);
    await page.goto("/modules");
    // The header's account part is drawn once the catalogue's state has come.
    await expect(page.getByRole("link", { name: "Mes certificats" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mon établissement" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Centre régional" })).toHaveCount(0);
    expect((await page.goto("/centre/etablissements"))?.status()).toBe(404);
    expect((await page.goto("/etablissement/equipes"))?.status()).toBe(404);
  });
});
