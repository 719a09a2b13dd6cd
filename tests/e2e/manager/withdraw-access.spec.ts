import type { Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { enrolSecondFactor, expect, signInViaApi, test } from "../fixtures";

/** Issue 14: access that can be withdrawn, by a manager on the member's page and by the platform admin. */

async function signedIn(page: Page, email: string): Promise<Page> {
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() });
  const other = await context.newPage();
  await signInViaApi(other.request, email);

  return other;
}

async function userIdOf(page: Page): Promise<string> {
  const { user } = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };

  return user.id;
}

/** Opens the confirmation with the keyboard, checks it, and confirms with the keyboard. */
async function confirmWithKeyboard(page: Page, button: string, question: RegExp) {
  await page.getByRole("button", { name: button }).focus();
  await page.keyboard.press("Enter");
  const group = page.getByRole("group", { name: question });
  await expect(group).toBeVisible();
  await expect(group.getByText(question)).toBeFocused();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.keyboard.press("Tab");
  await expect(group.getByRole("button", { name: /^Confirmer/ })).toBeFocused();
  await page.keyboard.press("Enter");
}

test.describe("withdrawing access", () => {
  // Three people and several round trips each: more than one page's worth of time.
  test.slow();

  test("a manager names a learner manager, withdraws the role, then removes them: each takes effect on the person's next request", async ({
    learnerPage: person,
    learnerEmail,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/etablissement\/tableau-de-bord$/, 404);
    expectHttpErrors(/\/etablissement\/apprenants\/[0-9a-f-]{36}$/, 404);
    // Once removed, the module page is the shell: its state request is refused (403) and the player goes on from there.
    expectHttpErrors(/\/api\/progress\/state\?module=cles-usb$/, 403);
    const userId = await userIdOf(person);
    expect((await person.goto("/etablissement/tableau-de-bord"))?.status()).toBe(404);
    const manager = await signedIn(person, "rssi@vigie.test");
    await manager.goto(`/etablissement/apprenants/${userId}`);
    const access = manager.getByRole("region", { name: "Accès à Vigie" });
    await expect(access.getByText("Rôle dans cet établissement : apprenant.")).toBeVisible();

    await access.getByRole("button", { name: "Nommer gestionnaire" }).click();
    await expect(access.getByText("Cette personne est maintenant gestionnaire de cet établissement.")).toBeVisible();
    await expect(access.getByText("Rôle dans cet établissement : gestionnaire.")).toBeVisible();
    // A manager now: their session waits for a second factor, which they enrol first.
    expect((await person.request.get("/etablissement/apprenants/export")).status()).not.toBe(200);
    await person.goto("/etablissement/tableau-de-bord");
    await enrolSecondFactor(person);
    await expect(person).toHaveURL(/\/etablissement\/tableau-de-bord/);
    expect((await person.request.get("/etablissement/apprenants/export")).status()).toBe(200);

    await confirmWithKeyboard(manager, "Retirer le rôle de gestionnaire", /ne pourra plus gérer cet établissement/);
    await expect(access.getByText("Rôle dans cet établissement : apprenant.")).toBeVisible();
    expect((await person.goto("/etablissement/tableau-de-bord"))?.status()).toBe(404);
    expect((await person.request.get("/etablissement/apprenants/export")).status()).toBe(404);

    await confirmWithKeyboard(manager, "Retirer de l'établissement", /sera retiré·e de/);
    await expect(
      access.getByText("Cette personne a été retirée. Son compte, sa progression et ses certificats sont conservés."),
    ).toBeVisible();
    await person.goto("/modules/cles-usb");
    await expect(person).toHaveURL(/\/sans-etablissement/);
    await person.goto("/mes-certificats");
    await expect(person.getByRole("heading", { level: 1 })).toBeVisible();
    expect((await manager.goto(`/etablissement/apprenants/${userId}`))?.status()).toBe(404);
    await manager.goto(`/etablissement/apprenants?q=${encodeURIComponent(learnerEmail)}`);
    await expect(manager.getByRole("link", { name: learnerEmail })).toHaveCount(0);
    await manager.context().close();
  });

  test("a manager resets the lost second factor of a member they named manager: the member's sessions end and they enrol a new one", async ({
    learnerPage: person,
  }) => {
    const userId = await userIdOf(person);
    const manager = await signedIn(person, "rssi@vigie.test");
    await manager.goto(`/etablissement/apprenants/${userId}`);
    const access = manager.getByRole("region", { name: "Accès à Vigie" });
    await access.getByRole("button", { name: "Nommer gestionnaire" }).click();
    await expect(access.getByText("Rôle dans cet établissement : gestionnaire.")).toBeVisible();
    await person.goto("/etablissement/tableau-de-bord");
    await enrolSecondFactor(person);

    await confirmWithKeyboard(
      manager,
      "Réinitialiser sa double authentification",
      /^Réinitialiser sa double authentification \(.+\)\s\?$/,
    );
    await expect(access.getByText(/Double authentification réinitialisée/)).toBeVisible();
    // Their sessions ended: the next request is signed out.
    await person.goto("/etablissement/tableau-de-bord");
    await expect(person).toHaveURL(/\/connexion/);

    // As the e2e seed had them: a learner again.
    await confirmWithKeyboard(manager, "Retirer le rôle de gestionnaire", /ne pourra plus gérer cet établissement/);
    await expect(access.getByText("Rôle dans cet établissement : apprenant.")).toBeVisible();
  });

  test("a manager deactivates a learner after confirming, who is refused on their next request, then reactivates them", async ({
    learnerPage: person,
    expectHttpErrors,
  }) => {
    // The catalogue is its shell: once deactivated, its state request is refused (401), then sign-in.
    expectHttpErrors(/\/api\/progress\/catalogue$/, 401);
    // Signed in: the header's account part, drawn once the catalogue's state has come.
    const signedInNav = person.getByRole("link", { name: "Mes certificats" });
    const userId = await userIdOf(person);
    await person.goto("/modules");
    await expect(signedInNav).toBeVisible();
    const manager = await signedIn(person, "rssi@vigie.test");
    await manager.goto(`/etablissement/apprenants/${userId}`);

    await manager.getByRole("button", { name: "Désactiver le compte" }).click();
    await manager.getByRole("button", { name: "Annuler" }).click();
    await expect(manager.getByRole("button", { name: "Désactiver le compte" })).toBeFocused();
    await person.goto("/modules");
    await expect(signedInNav).toBeVisible();

    await manager.getByRole("button", { name: "Désactiver le compte" }).click();
    await manager.getByRole("button", { name: /^Confirmer/ }).click();
    await expect(manager.getByText(/Accès désactivé/)).toBeVisible();
    await expectNoAxeViolations(manager);
    await person.goto("/modules");
    await expect(person).toHaveURL(/\/connexion/);

    await manager.getByRole("button", { name: "Réactiver le compte" }).click();
    await expect(manager.getByText("Cette personne peut se connecter.")).toBeVisible();
    await manager.context().close();
    // The sessions ended with the deactivation stay ended: the person signs in again.
    await person.goto("/modules");
    await expect(person).toHaveURL(/\/connexion/);
  });

  test("the platform admin deactivates an account from the people page, then reactivates it", async ({
    learnerPage: person,
    learnerEmail,
    expectHttpErrors,
  }) => {
    // The catalogue is its shell: once deactivated, its state request is refused (401), then sign-in.
    expectHttpErrors(/\/api\/progress\/catalogue$/, 401);
    const admin = await signedIn(person, "admin@vigie.test");
    await admin.goto(`/centre/personnes?email=${encodeURIComponent(learnerEmail)}`);
    const access = admin.getByRole("region", { name: "Accès" });
    await expect(access.getByText(/: apprenant$/)).toBeVisible();
    await expectNoAxeViolations(admin);
    await expectNoHorizontalScroll(admin);

    await confirmWithKeyboard(admin, "Désactiver le compte", /ne pourra plus se connecter à Vigie/);
    await expect(
      access.getByText("Compte désactivé : cette personne ne peut plus se connecter.", { exact: false }).first(),
    ).toBeVisible();
    await person.goto("/modules");
    await expect(person).toHaveURL(/\/connexion/);

    await access.getByRole("button", { name: "Réactiver le compte" }).click();
    await expect(access.getByText("Ce compte peut se connecter.")).toBeVisible();
    await admin.context().close();
  });
});
