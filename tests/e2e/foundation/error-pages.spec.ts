import { expect, signInViaApi, test } from "../fixtures";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";

test.describe("error pages", () => {
  test("an unknown address answers 404 with a French page inside the site's shell", async ({
    page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/cette-page-n-existe-pas$/, 404);
    const response = await page.goto("/cette-page-n-existe-pas");

    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page).toHaveTitle("Page introuvable — Vigie");
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Retour à l'accueil" })).toHaveAttribute("href", "/");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test("a page refused with not found has the not-found page's title, not the page's own", async ({
    learnerPage: page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(
      /\/(etablissement\/tableau-de-bord|centre\/journal|etablissement\/apprenants\/00000000-0000-4000-8000-000000000000)$/,
      404,
    );
    for (const path of [
      "/etablissement/tableau-de-bord",
      "/centre/journal",
      "/etablissement/apprenants/00000000-0000-4000-8000-000000000000",
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page introuvable");
      await expect(page, path).toHaveTitle("Page introuvable — Vigie");
    }
  });

  test("a centre's admin, who belongs to no establishment, is told so on the learner pages", async ({
    page,
    expectHttpErrors,
  }) => {
    // The catalogue and the module page are shells: their state requests are refused (403), and the
    // page goes on from there.
    expectHttpErrors(/\/api\/progress\/(state\?module=cles-usb|catalogue)$/, 403);
    await signInViaApi(page.request, "admin@vigie.test");

    for (const path of ["/modules", "/modules/cles-usb", "/mes-certificats"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sans-etablissement$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Votre compte n'est rattaché à aucun établissement",
      );
    }
    await expect(page.getByRole("link", { name: "Gérer les établissements" })).toHaveAttribute(
      "href",
      "/centre/etablissements",
    );
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test("a learner who opens the explanation page goes on to their modules", async ({ learnerPage: page }) => {
    await page.goto("/sans-etablissement");

    await expect(page).toHaveURL(/\/modules$/);
  });
});

test.describe("route handlers' error bodies", () => {
  test("speak the requester's language, as pages do, with the same code and status", async ({ request }) => {
    const path = "/api/certificats/ABCD-EFGH/pdf";
    const french = await request.get(path);
    const english = await request.get(path, { headers: { Cookie: "NEXT_LOCALE=en" } });

    expect(french.status()).toBe(401);
    expect(await french.json()).toEqual({ code: "unauthenticated", message: "Veuillez vous connecter." });
    expect(english.status()).toBe(401);
    expect(await english.json()).toEqual({ code: "unauthenticated", message: "Please sign in." });
  });
});
