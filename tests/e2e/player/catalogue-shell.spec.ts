/**
 * The catalogue (/modules) served from its prerendered shell (issue 19,
 * docs/prerendered-module-shell.md): the same page for everyone, under a hash policy, with the
 * learner's part from GET /api/progress/catalogue.
 */
import { E2E_BASE_URL } from "../../support/e2e-server";
import { A, signedInPage } from "../authorization/matrix";
import { expect, test } from "../fixtures";
import { catalogue } from "./content";

const firstPath = catalogue.paths[0]!;
const pathOf = (location: string | undefined) => {
  const url = new URL(location ?? "", E2E_BASE_URL);

  return `${url.pathname}${url.search}`;
};

test.beforeEach(({ repeatViewport }) => {
  test.skip(repeatViewport, "the answers do not depend on the viewport");
});

test.describe("the catalogue's shell", () => {
  test("names its inline scripts by hash only, and hydrates under it with no violation", async ({
    learnerPage: page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto("/modules");
    const policy = response?.headers()["content-security-policy"] ?? "";

    expect(policy.split("; ").find((directive) => directive.startsWith("script-src"))).toMatch(
      /^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/,
    );
    expect(response?.headers()["cache-control"]).toContain("private");
    // Hydrated and given the learner's state: the path's button, each card's, and the header's account.
    const path = page.getByRole("region", { name: firstPath.title });
    await expect(path.getByRole("link", { name: "Lancer le parcours" })).toBeVisible();
    await expect(path).toHaveAttribute("aria-busy", "false");
    await expect(page.getByText(`Aucun module terminé sur ${firstPath.moduleIds.length}`)).toBeVisible();
    await expect(page.locator(".account__name")).toBeVisible();
    // The e2e server runs in demo mode: the banner comes with the state, as on the pages rendered per request.
    await expect(page.getByText(/pas fait pour des données réelles/)).toBeVisible();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  test("holds nothing of a person: the same HTML for a learner and a manager, busy until the state comes", async ({
    learnerPage: page,
    learnerEmail,
  }) => {
    const manager = await signedInPage(page.context().browser()!, A.manager, page);
    const [learnerHtml, managerHtml] = await Promise.all([
      page.request.get("/modules").then((response) => response.text()),
      manager.request.get("/modules").then((response) => response.text()),
    ]);
    await manager.context().close();

    expect(learnerHtml).toBe(managerHtml);
    expect(learnerHtml).not.toContain(learnerEmail);
    expect(learnerHtml).not.toContain("<progress");
    expect(learnerHtml).not.toMatch(/module-card--|href="\/modules\/[a-z0-9-]+"|id="a-terminer"|id="scorm-hint"/);
    expect(learnerHtml).toContain('aria-busy="true"');
    // Every path and module of the catalogue is in it.
    for (const module of catalogue.modules) expect(learnerHtml).toContain(`id="module-${module.id}"`);
  });

  test("is in English for an English cookie", async ({ learnerPage: page }) => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: E2E_BASE_URL }]);
    await page.goto("/modules");

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My modules");
    await expect(
      page.getByRole("region", { name: firstPath.title }).getByRole("link", { name: "Start the path" }),
    ).toBeVisible();
  });
});

test.describe("who gets the catalogue's shell", () => {
  test("a visitor with no session is sent to sign-in first, with the catalogue to come back to", async ({ page }) => {
    const response = await page.request.get("/modules", { maxRedirects: 0 });

    expect(response.status()).toBe(307);
    expect(pathOf(response.headers().location)).toBe(`/connexion?retour=${encodeURIComponent("/modules")}`);
  });

  test("a forged session gets the shell, then the refusal of its state, and ends at sign-in", async ({
    page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/api\/progress\/catalogue$/, 401);
    await page.context().addCookies([{ name: "authjs.session-token", value: "forged", url: E2E_BASE_URL }]);
    await page.goto("/modules");

    await expect(page).toHaveURL(new RegExp(`/connexion\\?retour=${encodeURIComponent("/modules")}$`));
  });

  test("is never prefetched from a page rendered per request, which would skip the proxy", async ({
    learnerPage: page,
  }) => {
    const prefetches: string[] = [];
    page.on("request", (request) => {
      const headers = request.headers();
      if (new URL(request.url()).pathname === "/modules" && (headers["next-router-prefetch"] || headers.purpose))
        prefetches.push(request.url());
    });
    // The header's « Modules » and the home page's button are both on screen here.
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Modules" })
      .hover();
    await page.goto("/mes-certificats");
    await page.waitForLoadState("networkidle");

    expect(prefetches).toEqual([]);
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Modules" })
      .click();
    await expect(page.getByRole("region", { name: firstPath.title })).toHaveAttribute("aria-busy", "false");
  });

  test("the shell's own address leads to the catalogue", async ({ page }) => {
    const response = await page.request.get("/coquille/fr", { maxRedirects: 0 });

    expect(response.status()).toBe(308);
    expect(pathOf(response.headers().location)).toBe("/modules");
  });
});

test.describe("GET /api/progress/catalogue", () => {
  test("answers the learner's part only, and refuses a visitor with no session", async ({ learnerPage: page }) => {
    const response = await page.request.get("/api/progress/catalogue");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;

    expect(Object.keys(body).sort()).toEqual(["assigned", "isDemo", "modules", "paths", "viewer"]);
    expect((body.modules as Record<string, string>)[catalogue.modules[0]!.id]).toBe("todo");
    expect(JSON.stringify(body)).not.toContain(catalogue.modules[0]!.summary);

    const signedOut = await page.context().browser()!.newContext();
    expect((await signedOut.request.get(`${E2E_BASE_URL}/api/progress/catalogue`)).status()).toBe(401);
    await signedOut.close();
    expect((await page.request.post("/api/progress/catalogue")).status()).toBe(405);
  });
});
