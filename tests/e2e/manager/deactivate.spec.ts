import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

test.describe("deactivating a learner", () => {
  test("a manager deactivates a learner, who is refused on their next request, then reactivates them", async ({ learnerPage: page, browser }) => {
    const { user } = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
    await page.goto("/modules");
    await expect(page.getByRole("heading", { name: "Mes modules" })).toBeVisible();

    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInViaApi(manager.request, "rssi@vigie.test");
    await manager.goto(`/etablissement/apprenants/${user.id}`);
    await manager.getByRole("button", { name: "Désactiver l'accès" }).click();
    await expect(manager.getByText(/Accès désactivé/)).toBeVisible();
    await expectNoAxeViolations(manager);

    await page.goto("/modules");
    await expect(page).toHaveURL(/\/connexion/);

    await manager.getByRole("button", { name: "Réactiver l'accès" }).click();
    await expect(manager.getByText("Cette personne peut se connecter.")).toBeVisible();
    await managerContext.close();
    await page.goto("/modules");
    await expect(page.getByRole("heading", { name: "Mes modules" })).toBeVisible();
  });
});
