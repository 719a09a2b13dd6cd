import { randomUUID } from "node:crypto";
import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

const BOM = "\uFEFF";

test.describe("importing staff", () => {
  test("a manager previews a CSV with errors, fixes it, imports it, and re-importing changes nothing", async ({
    page,
    browser,
  }) => {
    const id = randomUUID().slice(0, 8);
    const good = `${BOM}Nom;E-mail;Service\r\nInès Garnier ${id};ines-${id}@ch.test;Service des urgences\r\n`;
    const bad = `${good}=HYPERLINK("http://evil");x-${id}@ch.test;Service des urgences\r\nPaul;pas-une-adresse;Cardiologie\r\n`;
    await signInViaApi(page.request, "rssi@vigie.test");
    await page.goto("/etablissement/import");

    await page
      .getByLabel("Fichier CSV du personnel")
      .setInputFiles({ name: "personnel.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(page.getByText(/2 lignes à corriger/)).toBeVisible();
    await expect(page.getByRole("cell", { name: /formule de tableur/ })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Service inconnu : « Cardiologie »/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Importer" })).toBeDisabled();
    await expectNoAxeViolations(page);

    await page
      .getByLabel("Fichier CSV du personnel")
      .setInputFiles({ name: "personnel.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(page.getByText("1 ligne vérifiée, prête à importer.")).toBeVisible();
    await page.getByRole("button", { name: "Importer" }).click();
    await expect(page.getByText("Import terminé : 1 personne ajoutée, qui a reçu un message.")).toBeVisible();

    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(page.getByRole("cell", { name: "Déjà présent, inchangé" })).toBeVisible();
    await page.getByRole("button", { name: "Importer" }).click();
    await expect(page.getByText("Import terminé : aucune personne ajoutée.")).toBeVisible();

    // The new learner received an invitation, asks for a sign-in link and gets in.
    const learner = await browser.newContext();
    const newcomer = await learner.newPage();
    await newcomer.goto("/boite-mail");
    await expect(
      newcomer
        .getByRole("listitem")
        .filter({ hasText: `ines-${id}@ch.test` })
        .filter({ hasText: "Votre accès à la sensibilisation" }),
    ).toBeVisible();
    await newcomer.goto("/connexion");
    const form = newcomer.locator("form", {
      has: newcomer.getByRole("button", { name: "Recevoir un lien de connexion" }),
    });
    await form.getByLabel("Adresse e-mail").fill(`ines-${id}@ch.test`);
    await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    // Leaving before the answer could cancel the request: wait for it.
    await expect(
      newcomer.getByText("Si un compte existe pour cette adresse, un lien de connexion vient d'être envoyé."),
    ).toBeVisible();
    const linkMail = newcomer
      .getByRole("listitem")
      .filter({ hasText: `ines-${id}@ch.test` })
      .filter({ hasText: "Votre lien de connexion à Vigie" })
      .first();
    // The link mail is written just after the answer (review M13): the mailbox may need a reload.
    await expect(async () => {
      await newcomer.goto("/boite-mail");
      await expect(linkMail).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await linkMail.getByRole("link").click();
    await newcomer.goto((await newcomer.locator(".mail-body a").first().getAttribute("href"))!);
    await expect(newcomer).toHaveURL(/\/modules$/);
    await expect(newcomer.getByText(`Connecté : Inès Garnier ${id}`)).toBeVisible();
    await learner.close();
  });

  test("a learner cannot open the import page", async ({ learnerPage: page, expectHttpErrors }) => {
    expectHttpErrors(/\/etablissement\/import$/, 404);
    expect((await page.goto("/etablissement/import"))?.status()).toBe(404);
  });
});
