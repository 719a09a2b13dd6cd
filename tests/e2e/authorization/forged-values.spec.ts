import { randomUUID } from "node:crypto";
import type { Locator } from "@playwright/test";
import { expect, forgeValue, signInViaApi, test, waitForHydration } from "../fixtures";
import { A, ADMIN, B, forge, signedInPage } from "./matrix";

/** Adds a field the form does not have. */
async function addField(form: Locator, name: string, value: string): Promise<void> {
  await waitForHydration(form);
  await form.evaluate(
    (element, [fieldName, fieldValue]) => {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name: fieldName, value: fieldValue });
      element.append(input);
    },
    [name, value] as const,
  );
}

test.describe("forged values in forms", () => {
  test.skip(({ repeatViewport }) => repeatViewport, "once per run: the matrix checks a sample of pages at 360 px");

  test("the admin's forms refuse a forged kind, parent or establishment, and name a manager, never an admin", async ({
    page,
  }) => {
    const suffix = randomUUID().slice(0, 6);
    const admin = await signedInPage(page.context().browser()!, ADMIN, page);
    await admin.goto("/centre/etablissements");
    const establishmentA = await admin
      .getByLabel("Établissement", { exact: true })
      .locator("option", { hasText: "Centre hospitalier des Calanques (démo)" })
      .getAttribute("value");

    await admin.getByLabel("Nom", { exact: true }).fill(`Faux centre ${suffix}`);
    await forgeValue(admin.getByLabel("Type"), "centre");
    await admin.getByRole("button", { name: "Ajouter" }).click();
    await expect(admin.getByText("Choisissez établissement ou groupe.")).toBeVisible();
    await expect(admin.getByLabel("Type")).toHaveAttribute("aria-invalid", "true");

    await admin.getByLabel("Type").selectOption("establishment");
    await forgeValue(admin.getByLabel("Rattachement"), establishmentA!);
    await admin.getByRole("button", { name: "Ajouter" }).click();
    await expect(admin.getByText("Cet établissement est introuvable.")).toBeVisible();
    await admin.reload();
    await expect(admin.getByRole("rowheader", { name: `Faux centre ${suffix}` })).toHaveCount(0);

    const nameManager = admin.locator("form").filter({ has: admin.getByLabel("Nom du gestionnaire") });
    await admin.getByLabel("Nom du gestionnaire").fill("Intrus Forgé");
    await admin.getByLabel("Adresse e-mail du gestionnaire").fill(`intrus-${suffix}@vigie.test`);
    await forgeValue(admin.getByLabel("Établissement", { exact: true }), randomUUID());
    await admin.getByRole("button", { name: "Nommer gestionnaire" }).click();
    await expect(admin.getByText("Cet établissement est introuvable.")).toBeVisible();

    await admin.reload();
    await admin.getByLabel("Établissement", { exact: true }).selectOption({ label: "EHPAD Les Cigales (démo)" });
    await admin.getByLabel("Nom du gestionnaire").fill(`Marion Forgée ${suffix}`);
    await admin.getByLabel("Adresse e-mail du gestionnaire").fill(`marion-${suffix}@vigie.test`);
    await addField(nameManager, "role", "admin");
    await admin.getByRole("button", { name: "Nommer gestionnaire" }).click();
    await expect(admin.getByText(`marion-${suffix}@vigie.test est gestionnaire de l'établissement.`)).toBeVisible();
    await admin.reload();
    await expect(admin.getByRole("row", { name: /EHPAD Les Cigales \(démo\)/ })).toContainText(
      `Marion Forgée ${suffix}`,
    );
    await expect(admin.getByRole("rowheader", { name: `Intrus Forgé` })).toHaveCount(0);
    await admin.context().close();
  });

  test("a manager importing staff into a service of another establishment gets the row's error, and nothing is imported", async ({
    page,
  }) => {
    const manager = await signedInPage(page.context().browser()!, A.manager, page);
    const email = `cigales-${randomUUID().slice(0, 6)}@vigie.test`;
    await manager.goto("/etablissement/import");
    await manager.getByLabel("Fichier CSV du personnel").setInputFiles({
      name: "personnel.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Nom;E-mail;Service\r\nJeanne Roux;${email};${B.team}\r\n`),
    });
    await manager.getByRole("button", { name: "Prévisualiser" }).click();

    await expect(
      manager.getByRole("cell", {
        name: `Service inconnu : « ${B.team} » (créez-le d'abord dans « Services et unités »).`,
      }),
    ).toBeVisible();
    await expect(manager.getByRole("button", { name: "Importer" })).toBeDisabled();
    await manager.goto(`/etablissement/apprenants?q=${email}`);
    await expect(manager.getByText("Aucun apprenant", { exact: true })).toBeVisible();
    await manager.context().close();
  });

  test("a subject that is not a course id is refused by the assignment form and the certificates archive, and nothing is assigned", async ({
    page,
  }) => {
    await signInViaApi(page.request, A.manager);
    await page.goto("/etablissement/affectations");
    const assignments = page.locator(".assignment-list > li");
    const before = await assignments.count();
    await forgeValue(page.getByLabel("Parcours ou module"), "module:../cles-usb");
    await page.getByLabel("À terminer avant le").fill("2031-03-15");
    await page.getByRole("button", { name: "Affecter" }).click();

    await expect(page.getByText("Choisissez le parcours ou un module.")).toBeVisible();
    await expect(page.getByLabel("Parcours ou module")).toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await expect(assignments).toHaveCount(before);

    for (const sujet of ["module:Cles-USB", "module:../cles-usb", "certificat:cles-usb"]) {
      const response = await page.request.get(`/etablissement/certificats/archive?${new URLSearchParams({ sujet })}`);
      expect(response.status(), sujet).toBe(400);
      expect(await response.json(), sujet).toEqual({ code: "bad_request", message: "Module ou parcours inconnu." });
    }
  });

  test("without JavaScript, a form posted straight to the server with another establishment's id is refused the same way", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const managerB = await context.newPage();
    await signInViaApi(managerB.request, B.manager);
    const managerA = await signedInPage(browser, A.manager);
    await managerA.goto("/etablissement/affectations");
    const establishmentA = await managerA
      .locator("form")
      .filter({ has: managerA.getByLabel("Parcours ou module") })
      .locator('input[name="organisationId"]')
      .inputValue();
    await managerA.goto("/etablissement/contact-incident");
    const contactBefore = await managerA.getByLabel("Nom du contact", { exact: true }).inputValue();
    expect(contactBefore).not.toBe("");

    await managerB.goto("/etablissement/contact-incident");
    const form = managerB.locator("form").filter({ has: managerB.getByLabel("Nom du contact", { exact: true }) });
    await managerB.getByLabel("Nom du contact", { exact: true }).fill("Usurpateur sans JavaScript");
    await managerB.getByLabel("Téléphone", { exact: true }).fill("04 65 71 99 98");
    await managerB.getByLabel("Adresse e-mail", { exact: true }).fill("usurpateur@vigie.test");
    await forge(form, { organisationId: establishmentA });
    await managerB.getByRole("button", { name: "Enregistrer" }).click();

    await expect(managerB.getByText("Page ou ressource introuvable.")).toBeVisible();
    await managerA.reload();
    await expect(managerA.getByLabel("Nom du contact", { exact: true })).toHaveValue(contactBefore);
    await context.close();
    await managerA.context().close();
  });
});
