import { randomUUID } from "node:crypto";
import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

const BOM = "\uFEFF";
const PASSWORD = "une calanque au petit matin";

test.describe("importing staff, then signing in", () => {
  test("a manager imports a CSV and the new learner follows the invitation, chooses a password and finds the establishment's assignments", async ({
    page,
    browser,
  }, testInfo) => {
    const id = randomUUID().slice(0, 8);
    const team = `Pharmacie ${id}`;
    const email = `julien-${id}@ch.test`;
    const [day, dueOn] =
      testInfo.project.name === "phone" ? ["20/03/2031", "2031-03-20"] : ["20/04/2031", "2031-04-20"];

    // The manager adds a service, assigns it the path, and imports one person into it.
    await signInViaApi(page.request, "rssi@vigie.test");
    await page.goto("/etablissement/equipes");
    await page.getByLabel(/Nom du service/).fill(team);
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(page.getByText(`Le service « ${team} » a été ajouté.`)).toBeVisible();
    await page.goto("/etablissement/affectations");
    await page
      .getByLabel("Parcours ou module")
      .selectOption({ label: "Parcours : Cybersécurité — Les bonnes pratiques" });
    await page.getByLabel("Pour qui").selectOption({ label: `Équipe : ${team}` });
    await page.getByLabel("À terminer avant le").fill(dueOn);
    await page.getByRole("button", { name: "Affecter" }).click();
    await expect(page.getByText("Affectation enregistrée.")).toBeVisible();
    await page.goto("/etablissement/import");
    const csv = `${BOM}Nom;E-mail;Service\r\nJulien Roux ${id};${email};${team}\r\n`;
    await page
      .getByLabel("Fichier CSV du personnel")
      .setInputFiles({ name: "personnel.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(page.getByText("1 ligne vérifiée, prête à importer.")).toBeVisible();
    await page.getByRole("button", { name: "Importer" }).click();
    await expect(page.getByText("Import terminé : 1 personne ajoutée, qui a reçu un message.")).toBeVisible();

    // The invitation is in the local mailbox; its link lets the newcomer choose a password.
    const newcomerContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const newcomer = await newcomerContext.newPage();
    await newcomer.goto("/boite-mail");
    await newcomer
      .getByRole("listitem")
      .filter({ hasText: email })
      .filter({ hasText: "Votre accès à la sensibilisation" })
      .getByRole("link")
      .click();
    await newcomer
      .locator(".mail-body")
      .getByRole("link", { name: /\/mot-de-passe\/nouveau\?jeton=/ })
      .click();
    await expect(newcomer.getByRole("heading", { name: "Choisir un nouveau mot de passe" })).toBeVisible();
    await newcomer.getByLabel("Nouveau mot de passe").fill(PASSWORD);
    await newcomer.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
    await newcomer.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await newcomer.getByRole("main").getByRole("link", { name: "Connexion" }).click();
    await newcomer.getByLabel("Adresse e-mail ou identifiant").fill(email);
    await newcomer.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await newcomer.getByRole("button", { name: "Se connecter" }).click();

    await expect(newcomer).toHaveURL(/\/modules$/);
    await expect(newcomer.getByText(`Connecté : Julien Roux ${id}`)).toBeVisible();
    const banner = newcomer.getByRole("region", { name: "À faire pour votre établissement" });
    await expect(banner.getByText(`À terminer avant le ${day}`)).toBeVisible();
    await expectNoAxeViolations(newcomer);
    await newcomerContext.close();
  });
});
