import { E2E_BASE_URL } from "../../support/e2e-server";
import { expect, test } from "../fixtures";
import { courseModule } from "./content";

const module = courseModule("cles-usb");
const pathOf = (location: string | undefined) => {
  const url = new URL(location ?? "", E2E_BASE_URL);

  return `${url.pathname}${url.search}`;
};

test.describe("the module shell's Content-Security-Policy", () => {
  test("names the shell's inline scripts by hash only, and the page hydrates under it with no violation", async ({
    learnerPage: page,
    expectConsoleErrors,
  }) => {
    // Listened to before any of the page's scripts: every script or resource the policy blocks.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(`/modules/${module.id}`);
    const policy = response?.headers()["content-security-policy"] ?? "";

    // No nonce, no 'unsafe-inline', no 'strict-dynamic': 'self' and the hashes, nothing else.
    expect(policy.split("; ").find((directive) => directive.startsWith("script-src"))).toMatch(
      /^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/,
    );
    expect(policy).toContain("frame-ancestors 'none'");
    // Hydrated and given its state: the first step shows, and its event reached the server.
    await expect(page.getByRole("heading", { level: 1, name: module.steps[0]!.title })).toBeVisible();
    await expect(page.getByText("Progression enregistrée")).toBeVisible();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    // Enforced: an inline script the build did not make does not run (Chromium says so in the console).
    expectConsoleErrors(/(Executing|Refused to execute) inline script/);
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
  });

  test("leaves every other page its per-request nonce", async ({ learnerPage: page }) => {
    const response = await page.goto("/mes-certificats");

    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });
});

test.describe("the module shell's caching", () => {
  test("no shared cache may keep it: the page depends on the visitor's cookies (language, session)", async ({
    learnerPage: page,
  }) => {
    const response = await page.goto(`/modules/${module.id}`);
    const cacheControl = response?.headers()["cache-control"] ?? "";

    // Next.js marks a prerendered page s-maxage for a year; a cache in front of Vigie would then
    // serve one visitor's language to all, skip the sign-in redirect, and outlive the next deploy.
    expect(cacheControl).toContain("private");
    expect(cacheControl).not.toMatch(/s-maxage|public/);
  });
});

test.describe("who gets the module shell", () => {
  test("a visitor with no session is sent to sign-in first, with the address to come back to", async ({ page }) => {
    const response = await page.request.get(`/modules/${module.id}?etape=${module.steps[1]!.id}`, { maxRedirects: 0 });

    expect(response.status()).toBe(307);
    expect(pathOf(response.headers().location)).toBe(
      `/connexion?retour=${encodeURIComponent(`/modules/${module.id}?etape=${module.steps[1]!.id}`)}`,
    );
    expect(await response.text()).not.toContain(module.steps[0]!.title);
  });

  test("a forged session gets the shell, then the refusal of its state, and the player sends it to sign-in", async ({
    page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/api\/progress\/state\?/, 401);
    await page.context().addCookies([{ name: "authjs.session-token", value: "forged", url: E2E_BASE_URL }]);
    await page.goto(`/modules/${module.id}`);

    await expect(page).toHaveURL(new RegExp(`/connexion\\?retour=${encodeURIComponent(`/modules/${module.id}`)}$`));
  });

  test("an unknown module is Vigie's French 404, with or without a session", async ({ page, expectHttpErrors }) => {
    expectHttpErrors(/\/modules\/module-inexistant$/, 404);
    expect((await page.goto("/modules/module-inexistant"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await page.context().addCookies([{ name: "authjs.session-token", value: "forged", url: E2E_BASE_URL }]);
    expect((await page.goto("/modules/module-inexistant"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  });

  test("the shell's own address leads to the module's page", async ({ page }) => {
    const response = await page.request.get(`/coquille/fr/${module.id}?etape=x`, { maxRedirects: 0 });

    expect(response.status()).toBe(308);
    expect(pathOf(response.headers().location)).toBe(`/modules/${module.id}?etape=x`);
  });
});
