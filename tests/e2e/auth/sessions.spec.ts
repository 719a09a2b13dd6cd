import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { expectNoAxeViolations } from "../../support/page-checks";
import { E2E_BASE_URL } from "../../support/e2e-server";
import { expect, expectCatalogueLoaded, signInViaApi, test } from "../fixtures";

const COOKIE = "authjs.session-token";
// The e2e server sets no AUTH_SECRET: it keeps its key next to its data folder (lib/auth/secret.ts).
const authSecret = () => readFileSync(path.join(__dirname, "..", "..", "..", ".data", "auth-secret"), "utf8").trim();

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(cookie, "a session cookie").toBeDefined();

  return cookie!.value;
}

/** A second browser holding a copy of the cookie, as someone who copied it off a shared ward PC would. */
async function withCopiedCookie(browser: Browser, value: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: COOKIE, value, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);

  return context.newPage();
}

async function expectSignedIn(page: Page) {
  await page.goto("/modules");
  await expectCatalogueLoaded(page);
}

async function expectRefused(page: Page) {
  await page.goto("/modules");
  await expect(page).toHaveURL(/\/connexion/);
}

// The catalogue is its shell: an ended session gets it, its state request is refused (401), and the
// page sends the visitor to sign-in (expectRefused).
test.beforeEach(({ expectHttpErrors }) => expectHttpErrors(/\/api\/progress\/catalogue$/, 401));

test.describe("sessions that end (issue 14, scenario 4)", () => {
  // Two browsers each, several page loads: more than the default minute on a busy machine.
  test.slow();

  test("refuses a copied session cookie once its owner has signed out", async ({ learnerPage: page, browser }) => {
    await expectSignedIn(page);
    const copy = await withCopiedCookie(browser, await sessionCookie(page.context()));
    await expectSignedIn(copy);

    await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await expectRefused(copy);
    const events = await copy.request.post("/api/progress/events", {
      data: { events: [] },
      headers: { origin: E2E_BASE_URL },
    });
    expect(events.status()).toBe(401);
    await copy.context().close();
  });

  test("refuses a copied session cookie once the password was reset", async ({
    learnerPage: page,
    learnerEmail,
    browser,
  }) => {
    const copy = await withCopiedCookie(browser, await sessionCookie(page.context()));
    await expectSignedIn(copy);

    await page.context().clearCookies();
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Adresse e-mail").fill(learnerEmail);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(page.getByRole("status")).toContainText("Si un compte existe pour cette adresse");
    const message = page
      .getByRole("listitem")
      .filter({ hasText: learnerEmail })
      .filter({ hasText: "Choisir un nouveau mot de passe Vigie" })
      .first();
    // The reset mail is written just after the answer (review M13): the mailbox may need a reload.
    await expect(async () => {
      await page.goto("/boite-mail");
      await expect(message).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await message.getByRole("link").click();
    await page.goto((await page.locator(".mail-body a").first().getAttribute("href"))!);
    await page.getByLabel("Nouveau mot de passe").fill("une autre phrase pour la garde");
    await page.getByLabel("Confirmez le mot de passe").fill("une autre phrase pour la garde");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await expect(page.getByRole("status")).toContainText("Votre mot de passe est enregistré.");

    await expectRefused(copy);
    await copy.context().close();
  });

  test("GET /api/auth/session never pushes the session's end further", async ({ learnerPage: page }) => {
    const secret = authSecret();
    const before = await decode({ token: await sessionCookie(page.context()), secret, salt: COOKIE });
    // Expiry times are whole seconds: let one pass, so that a re-issued token would show it.
    await page.waitForTimeout(1_100);

    const response = await page.request.get("/api/auth/session");
    expect(response.status()).toBe(200);
    const after = await decode({ token: await sessionCookie(page.context()), secret, salt: COOKIE });
    expect(after!.exp).toBe(before!.exp);
  });

  test("signs out every device from Mon compte", async ({ learnerPage: page, learnerEmail, browser }) => {
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signInViaApi(other.request, learnerEmail);
    await expectSignedIn(other);

    await page.goto("/mon-compte");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
    await expect(page).toHaveURL(/\/connexion/);

    await expectRefused(other);
    await expectRefused(page);
    await otherContext.close();
  });
});

test.describe("a manager ends a member's sessions", () => {
  test.slow();

  test("from the learner's page: the learner is refused on their next request", async ({
    learnerPage: page,
    browser,
  }) => {
    const { user } = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
    await expectSignedIn(page);

    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInViaApi(manager.request, "rssi@vigie.test");
    await manager.goto(`/etablissement/apprenants/${user.id}`);
    await manager.getByRole("button", { name: "Mettre fin à ses sessions" }).click();
    await expect(manager.getByText("Une session a été terminée : la personne devra se reconnecter.")).toBeVisible();
    await expectNoAxeViolations(manager);
    await managerContext.close();

    await expectRefused(page);
  });
});

test.describe("return paths after sign-in (security review M2)", () => {
  for (const vector of [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%5Cevil.example",
  ]) {
    test(`keeps a signed-in visitor on this site for retour=${vector}`, async ({ learnerPage: page }) => {
      const response = await page.request.get(`/connexion?retour=${vector}`, { maxRedirects: 0 });

      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe("/modules");
    });
  }
});
