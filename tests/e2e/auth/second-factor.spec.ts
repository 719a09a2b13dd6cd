import type { Browser, Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import {
  DEMO_PASSWORD,
  enrolSecondFactor,
  expect,
  signInViaApi,
  signInWithPasswordOnly,
  test,
  unusedTotpCode,
} from "../fixtures";
import { DEMO_TOTP_SECRET } from "@/db/seed/demo";

/** Issue 14, review M9: a second factor for managers and platform admins. */

async function newPage(browser: Browser, like: Page): Promise<Page> {
  const context = await browser.newContext({ viewport: like.viewportSize() });

  return context.newPage();
}

/** Types `code` into the code page's field and submits, with the keyboard. */
async function typeCode(page: Page, code: string) {
  const field = page.getByRole("textbox", { name: "Code de vérification" });
  await expect(field).toBeFocused();
  await field.fill("");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

test.describe("second factor", () => {
  test.slow();

  test("a manager's session with only the password reaches no manager page, export or data until a code is given", async ({
    page,
    browser,
    repeatViewport,
    expectHttpErrors,
  }) => {
    test.skip(repeatViewport, "the answers do not depend on the viewport");
    await signInWithPasswordOnly(page.request, "rssi@vigie.test");

    expect((await page.request.get("/etablissement/apprenants/export", { maxRedirects: 0 })).status()).not.toBe(200);
    expect((await page.request.get("/api/mes-donnees")).status()).toBe(401);
    // Auth.js's own session endpoint names nobody either, as when signed out.
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
    await page.goto("/etablissement/apprenants");
    await expect(page).toHaveURL(/\/double-authentification\?retour=%2Fetablissement%2Fapprenants$/);
    await expect(page.getByRole("heading", { level: 1, name: "Vérification en deux étapes" })).toBeVisible();
    // The catalogue is its shell: its state request says the second factor is owed (401).
    expectHttpErrors(/\/api\/progress\/catalogue$/, 401);
    await page.goto("/modules");
    await expect(page).toHaveURL(/\/double-authentification\?retour=%2Fmodules$/);
    await page.goto("/connexion");
    await expect(page).toHaveURL(/\/double-authentification/);

    const admin = await newPage(browser, page);
    await signInWithPasswordOnly(admin.request, "admin@vigie.test");
    expect((await admin.request.get("/centre/tableau-de-bord/export", { maxRedirects: 0 })).status()).not.toBe(200);
    await admin.goto("/centre/journal");
    await expect(admin).toHaveURL(/\/double-authentification\?retour=%2Fcentre%2Fjournal$/);
    await admin.context().close();

    await page.goto("/etablissement/apprenants");
    await typeCode(page, "000000");
    await expect(page.getByRole("alert").filter({ hasText: "Ce code n'est pas valable" })).toBeVisible();
    await typeCode(page, await unusedTotpCode(DEMO_TOTP_SECRET, "rssi@vigie.test"));
    await expect(page).toHaveURL(/\/etablissement\/apprenants$/);
    expect((await page.request.get("/etablissement/apprenants/export")).status()).toBe(200);
    expect(
      ((await (await page.request.get("/api/auth/session")).json()) as { user?: { id?: string } }).user?.id,
    ).toBeTruthy();
  });

  test("a new manager enrols with the keyboard, keeps ten recovery codes, and signs in again with one of them", async ({
    learnerPage: person,
    learnerEmail,
    browser,
  }) => {
    const { user } = (await (await person.request.get("/api/auth/session")).json()) as { user: { id: string } };
    const manager = await newPage(browser, person);
    await signInViaApi(manager.request, "rssi@vigie.test");
    await manager.goto(`/etablissement/apprenants/${user.id}`);
    await manager
      .getByRole("region", { name: "Accès à Vigie" })
      .getByRole("button", { name: "Nommer gestionnaire" })
      .click();
    await expect(manager.getByText("Cette personne est maintenant gestionnaire de cet établissement.")).toBeVisible();
    await manager.context().close();

    await person.goto("/etablissement/tableau-de-bord");
    await expect(person).toHaveURL(/\/double-authentification\/activer\?retour=%2Fetablissement%2Ftableau-de-bord$/);
    await expect(
      person.getByRole("img", { name: "QR code à scanner avec votre application d'authentification" }),
    ).toBeVisible();
    await expectNoAxeViolations(person);
    await expectNoHorizontalScroll(person);
    const { recoveryCodes } = await enrolSecondFactor(person);
    await expect(person).toHaveURL(/\/etablissement\/tableau-de-bord$/);

    // Signed out, the password alone is not enough any more: the code page, then a recovery code.
    await person.context().clearCookies();
    await signInWithPasswordOnly(person.request, learnerEmail, DEMO_PASSWORD);
    await person.goto("/mon-compte");
    await expect(person).toHaveURL(/\/double-authentification\?retour=%2Fmon-compte$/);
    await expectNoAxeViolations(person);
    await expectNoHorizontalScroll(person);
    await typeCode(person, recoveryCodes[0]!);
    await expect(person).toHaveURL(/\/mon-compte$/);
    await expect(person.getByText("9 codes de secours inutilisés.")).toBeVisible();
    await expectNoAxeViolations(person);
    await expectNoHorizontalScroll(person);

    // A recovery code is good once.
    await person.context().clearCookies();
    await signInWithPasswordOnly(person.request, learnerEmail, DEMO_PASSWORD);
    await person.goto("/mon-compte");
    await typeCode(person, recoveryCodes[0]!);
    await expect(person.getByRole("alert").filter({ hasText: "Ce code n'est pas valable" })).toBeVisible();
    await expect(person).toHaveURL(/\/double-authentification/);
  });
});
