import { expect, test } from "../fixtures";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";

test.describe("home page", () => {
  test("renders in French with landmarks, no console error and no axe violation", async ({ page, browserErrors }) => {
    await page.goto("/");

    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("La sécurité numérique, 7 minutes à la fois");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    expect(browserErrors.list()).toEqual([]);
  });

  test("offers a skip link that moves focus to the content", async ({ page }) => {
    await page.goto("/");

    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#contenu")).toBeFocused();
  });

  test("switches to English and back with the keyboard", async ({ page }) => {
    await page.goto("/");

    await page.getByRole("button", { name: "Switch to English" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cybersecurity, 7 minutes at a time");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Passer en français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });
});
