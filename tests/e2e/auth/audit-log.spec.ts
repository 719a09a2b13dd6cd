import { expect, signInViaApi, test } from "../fixtures";

test.skip(({ repeatViewport }) => repeatViewport, "an admin page; once per run is enough");

test("shows sign-ins to the platform admin, filtered by action, and nothing to a learner", async ({
  page,
  learnerEmail,
}) => {
  await signInViaApi(page.request, learnerEmail);
  expect((await page.request.get("/centre/journal")).status()).toBe(404);

  await page.context().clearCookies();
  await signInViaApi(page.request, "admin@vigie.test");
  await page.goto("/centre/journal");
  await page.getByLabel("Type d'événement").selectOption({ label: "Connexion réussie" });
  await page.getByLabel("Personne", { exact: true }).fill(learnerEmail);
  await page.getByRole("button", { name: "Filtrer" }).click();

  await expect(page).toHaveURL(/action=sign_in\.succeeded/);
  await expect(
    page.getByRole("row").filter({ hasText: "a ouvert une session avec son mot de passe." }).first(),
  ).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Connexion refusée" })).toHaveCount(0);
});
