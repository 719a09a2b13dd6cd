import { randomUUID } from "node:crypto";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

const ESTABLISHMENT = "Centre hospitalier des Calanques (démo)";
const PASSWORD = "le phare des calanques brille";

test.describe("joining with a code", () => {
  test("a manager creates a code, a newcomer joins with it, signs out and back in with a username; once the code is off, the join page refuses it; a forgotten password is reset through the manager", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const id = randomUUID().slice(0, 8);
    const username = `m.dupont-${id}`;
    const name = `Marie Dupont ${id}`;

    // The manager creates a code for one service and opens its poster.
    const managerContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const manager = await managerContext.newPage();
    await signInViaApi(manager.request, "rssi@vigie.test");
    await manager.goto("/etablissement/codes-d-acces");
    await manager.getByLabel("Pour").selectOption({ label: "Service : Service des urgences" });
    await manager.getByRole("button", { name: "Créer le code" }).click();
    const created = manager.getByText(/^Code [A-Z2-9]{5}-[A-Z2-9]{5} créé\.$/);
    await expect(created).toBeVisible();
    const code = /([A-Z2-9]{5}-[A-Z2-9]{5})/.exec((await created.textContent())!)![1]!;
    const card = manager.getByRole("listitem").filter({ hasText: code });
    await expect(card).toContainText("Service : Service des urgences");
    await expect(card).toContainText("Personne ne l'a encore utilisé");
    await expect(card).toContainText(`/rejoindre/${code}`);
    await expectNoAxeViolations(manager);
    await expectNoHorizontalScroll(manager);
    await card.getByRole("link", { name: /Affiche à imprimer/ }).click();
    await expect(manager.getByRole("img", { name: "QR code menant à la page d'inscription" })).toBeVisible();
    await expect(manager.getByText(code, { exact: true })).toBeVisible();
    await expectNoAxeViolations(manager);

    // The newcomer types the code as read off the poster, with the keyboard.
    await page.goto("/rejoindre");
    await expectNoAxeViolations(page);
    await page.getByLabel("Code d'accès").focus();
    await page.keyboard.type(` ${code.toLowerCase().replace("-", " ")} `);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/rejoindre/${code}$`));
    await expect(page.getByText(ESTABLISHMENT)).toBeVisible();
    await expect(page.getByText("Service : Service des urgences")).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // The password policy's length (lib/auth/password-policy.ts), in the hint and for password managers.
    await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveAccessibleDescription(
      /^Au moins 12\scaractères, et pas un mot de passe courant/,
    );
    for (const field of [
      page.getByLabel("Mot de passe", { exact: true }),
      page.getByLabel("Confirmez le mot de passe"),
    ])
      await expect(field).toHaveAttribute("minlength", "12");
    await page.getByLabel("Prénom et nom").fill(name);
    await page.getByLabel("Identifiant de connexion").fill("Rssi@vigie.test");
    await page.getByLabel("Mot de passe", { exact: true }).fill("password1234");
    await page.getByLabel("Confirmez le mot de passe").fill("password1234");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByLabel("Identifiant de connexion")).toHaveAccessibleDescription(/sans accent/);
    await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveAccessibleDescription(/plus courants/);
    await expect(page.getByLabel("Prénom et nom")).toHaveValue(name);
    await expectNoAxeViolations(page);

    await page.getByLabel("Identifiant de connexion").fill(username.toUpperCase());
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page).toHaveURL(/\/modules$/);
    await expect(page.getByText(`Connecté : ${name}`)).toBeVisible();
    // A code only creates accounts: signed in, the join page says so and offers nothing else.
    await page.goto(`/rejoindre/${code}`);
    await expect(page.getByRole("heading", { name: "Vous êtes déjà connecté(e)" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Créer mon compte" })).toHaveCount(0);

    // Signed out, they come back with the username and password.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    await page.getByLabel("Adresse e-mail ou identifiant").fill(username);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/modules$/);
    await expect(page.getByText(`Connecté : ${name}`)).toBeVisible();

    // The manager sees who joined, and turns the code off.
    await manager.goto("/etablissement/codes-d-acces");
    await expect(card).toContainText("1 personne inscrite avec ce code");
    await card.getByRole("button", { name: `Désactiver (code ${code})` }).click();
    await expect(card).toContainText("Désactivé le");

    // Forgotten password, no e-mail: the manager creates a one-time link and hands it over.
    await manager.goto("/etablissement/apprenants");
    await manager.getByLabel("Nom ou e-mail").fill(name);
    await manager.getByRole("button", { name: "Filtrer" }).click();
    await manager.goto((await manager.getByRole("link", { name, exact: true }).getAttribute("href"))!);
    await expect(manager.getByText(`Identifiant de connexion : ${username}`)).toBeVisible();
    await manager.getByRole("button", { name: "Créer un lien pour choisir un mot de passe" }).click();
    const link = manager.locator(".password-link code");
    await expect(link).toContainText("/mot-de-passe/nouveau?jeton=");
    await expectNoAxeViolations(manager);
    await expectNoHorizontalScroll(manager);
    const resetUrl = (await link.textContent())!;
    await managerContext.close();

    const visitorContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const visitor = await visitorContext.newPage();
    await visitor.goto(resetUrl);
    await visitor.getByLabel("Nouveau mot de passe").fill(`${PASSWORD} au loin`);
    await visitor.getByLabel("Confirmez le mot de passe").fill(`${PASSWORD} au loin`);
    await visitor.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await visitor.getByRole("main").getByRole("link", { name: "Connexion" }).click();
    await visitor.getByLabel("Adresse e-mail ou identifiant").fill(username);
    await visitor.getByLabel("Mot de passe", { exact: true }).fill(`${PASSWORD} au loin`);
    await visitor.getByRole("button", { name: "Se connecter" }).click();
    await expect(visitor).toHaveURL(/\/modules$/);
    await visitor.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(visitor.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
    await visitor.goto(`/rejoindre/${code}`);
    await expect(visitor.getByRole("main").getByRole("alert")).toHaveText(
      /Ce code d'accès n'existe pas ou a été désactivé/,
    );
    await expect(visitor.getByRole("button", { name: "Créer mon compte" })).toHaveCount(0);
    await expectNoAxeViolations(visitor);
    await visitorContext.close();
  });

  test("the poster opens from its address alone when the manager has one establishment", async ({ page }) => {
    await signInViaApi(page.request, "rssi@vigie.test");
    await page.goto("/etablissement/codes-d-acces");
    await page.getByRole("button", { name: "Créer le code" }).click();
    const created = page.getByText(/^Code [A-Z2-9]{5}-[A-Z2-9]{5} créé\.$/);
    const code = /([A-Z2-9]{5}-[A-Z2-9]{5})/.exec((await created.textContent())!)![1]!;
    const poster = (await page
      .getByRole("listitem")
      .filter({ hasText: code })
      .getByRole("link", { name: /Affiche à imprimer/ })
      .getAttribute("href"))!;

    // As pasted into a mail or a bookmark, without ?etablissement=.
    const response = await page.goto(poster.replace(/\?.*$/, ""));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formez-vous à la cybersécurité");
    await expect(page.getByText(code, { exact: true })).toBeVisible();
    await expect(page.getByText(ESTABLISHMENT)).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("a wrong code gets one clear message and the same form back", async ({ page }) => {
    await page.goto("/rejoindre");
    await page.getByLabel("Code d'accès").fill("ABCDE-FGHJK");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      /Ce code d'accès n'existe pas ou a été désactivé/,
    );
    await expect(page.getByLabel("Code d'accès")).toHaveValue("ABCDE-FGHJK");
    await expect(page).toHaveURL(/\/rejoindre$/);
  });

  test("a learner gets the 404 page for the join codes page", async ({ learnerPage: page, expectHttpErrors }) => {
    expectHttpErrors(/\/etablissement\/codes-d-acces$/, 404);
    expect((await page.goto("/etablissement/codes-d-acces"))?.status()).toBe(404);
  });
});
