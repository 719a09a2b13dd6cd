import { E2E_MATRIX } from "@/db/seed/e2e-establishments";
import { E2E_PHISHING_PEOPLE } from "@/db/seed/e2e-phishing-people";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test, urlEndingWith } from "../fixtures";

// Individual results: each person's own in « Mon compte »; the managers' per-person page only
// where the establishment allows it (seed: db/seed/e2e-phishing-people.ts).
test.describe("individual exercise results", () => {
  test("a person sees each exercise they received in « Mon compte », with what they did, kindly put", async ({
    page,
  }) => {
    await signInViaApi(page.request, E2E_PHISHING_PEOPLE.shared.email);
    await page.goto("/mon-compte");
    const section = page.getByRole("region", { name: "Mes exercices d'hameçonnage" });
    await expect(section.getByRole("listitem")).toHaveCount(2);
    await expect(section.getByText("Vous avez signalé le message sans cliquer", { exact: false })).toBeVisible();
    await expect(
      section.getByText("Vous avez cliqué sur le lien. Cela arrive à tout le monde", { exact: false }),
    ).toBeVisible();
    await expect(section.getByText(/Reçu le 3 novembre 2026/).first()).toBeVisible();
    await expect(section.getByRole("link", { name: /Suivre le module « Hameçonnage »/ })).toHaveAttribute(
      "href",
      "/modules/hameconnage",
    );
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("the setting opens and closes the per-person page, with the keyboard", async ({
    page,
    repeatViewport,
    expectHttpErrors,
  }) => {
    // One run only: the setting of the other centre's establishment is shared by the runs.
    test.skip(repeatViewport, "changes a setting the phone run would read at the same time");
    const url = `/etablissement/exercices/${E2E_PHISHING_PEOPLE.c.exerciseId}/personnes`;
    expectHttpErrors(urlEndingWith(url), 404);
    await signInViaApi(page.request, E2E_MATRIX.c.admin.email);
    expect((await page.goto(url))?.status()).toBe(404);

    await page.goto("/etablissement/exercices");
    await page.getByRole("link", { name: "Réglages des résultats individuels" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Réglages des exercices d'hameçonnage" })).toBeVisible();
    await expectNoAxeViolations(page);
    const box = page.getByRole("checkbox", { name: "Les responsables voient les résultats individuels" });
    await expect(box).not.toBeChecked();
    await box.focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Enregistrer" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Réglage enregistré." })).toBeVisible();

    try {
      await page.goto("/etablissement/exercices");
      await page.getByRole("link", { name: "Résultats par personne" }).first().click();
      await expect(page).toHaveURL(urlEndingWith(url));
      await expect(page.getByRole("row").filter({ hasText: E2E_MATRIX.c.learner.name })).toBeVisible();
      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    } finally {
      await page.goto("/etablissement/exercices/reglages");
      await box.uncheck();
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Réglage enregistré." })).toBeVisible();
    }
    expect((await page.goto(url))?.status()).toBe(404);
  });
});
