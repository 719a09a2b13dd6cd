import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

// The demo learner Karim Benali downloads his data; the admin reads it in the journal as a sentence.
const KARIM = { email: "aide-soignant@vigie.test", name: "Karim Benali" };
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

test.describe("the admin's security journal", () => {
  test("reads as sentences, filtered by person, action and day from the keyboard, and the filters stay in the URL", async ({
    page,
    browser,
    browserErrors,
  }) => {
    const karim = await browser.newContext();
    await signInViaApi(karim.request, KARIM.email);
    expect((await karim.request.get("/api/mes-donnees")).status()).toBe(200);
    await karim.close();

    await signInViaApi(page.request, "admin@vigie.test");
    await page.goto("/centre/journal");
    await page.getByLabel("Type d'événement").selectOption({ label: "Export de ses données par une personne" });
    await page.getByLabel("Du", { exact: true }).fill(parisToday());
    await page.getByLabel("Au", { exact: true }).fill(parisToday());
    const person = page.getByLabel("Personne", { exact: true });
    await person.focus();
    await page.keyboard.type(KARIM.name);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/action=personal_data_exported/);
    await expect(page).toHaveURL(/personne=Karim\+Benali/);
    await expect(page).toHaveURL(new RegExp(`du=${parisToday()}&au=${parisToday()}`));
    const rows = page
      .getByRole("table", { name: "Événements du journal, du plus récent au plus ancien" })
      .getByRole("row");
    await expect(rows.filter({ hasText: "Karim Benali a exporté ses données." }).first()).toBeVisible();
    await expect(rows.filter({ hasText: /personal_data|\{"/ })).toHaveCount(0);
    await expect(page.getByLabel("Personne", { exact: true })).toHaveValue(KARIM.name);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // A link to the filtered journal shows the same thing.
    await page.goto(page.url());
    await expect(rows.filter({ hasText: "Karim Benali a exporté ses données." }).first()).toBeVisible();

    await page.goto("/centre/journal?action=personal_data_exported&personne=Karim+Benali&du=2020-01-01&au=2020-01-02");
    await expect(page.getByText("Aucun événement.")).toBeVisible();
    const reset = page.getByRole("link", { name: "Effacer les filtres" });
    await reset.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/centre\/journal$/);
    await expect(page.getByLabel("Personne", { exact: true })).toHaveValue("");
    expect(browserErrors.list()).toEqual([]);
  });

  test("says which filter is wrong and lists nothing until it is corrected", async ({ page }) => {
    await signInViaApi(page.request, "admin@vigie.test");
    await page.goto("/centre/journal?du=2026-02-30&au=2026-01-01&action=inconnue");

    await expect(page.getByRole("alert").filter({ hasText: "Corrigez les filtres" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByLabel("Du", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Du", { exact: true })).toHaveAccessibleDescription(
      "Saisissez une date valide (jj/mm/aaaa).",
    );
    await expect(page.getByLabel("Type d'événement")).toHaveAccessibleDescription(/Ce type d'événement n'existe pas/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("stays closed to a manager", async ({ page, repeatViewport }) => {
    test.skip(repeatViewport, "the answer does not depend on the viewport");
    await signInViaApi(page.request, "rssi@vigie.test");
    expect((await page.request.get("/centre/journal?personne=Karim")).status()).toBe(404);
  });
});
