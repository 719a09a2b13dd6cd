import { expectNoAxeViolations } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

const DEMO = "Centre hospitalier des Calanques (démo)";

test("a platform admin stops requiring the second factor of one establishment's managers, then requires it again, with the keyboard", async ({
  page,
  browserErrors,
}) => {
  await signInViaApi(page.request, "admin@vigie.test");
  await page.goto("/centre/etablissements");
  const row = page.getByRole("row").filter({ hasText: DEMO }).first();
  await expect(row.getByRole("cell").last()).toContainText("Exigée");
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: `Ne plus exiger : ${DEMO}` }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("cell").last()).toContainText("Non exigée");

  // Back as the seed left it: the other tests sign its managers in with a code.
  await row.getByRole("button", { name: `Exiger : ${DEMO}` }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("cell").last()).toContainText("Exigée");
  await expect(row.getByRole("cell").last()).not.toContainText("Non exigée");
  expect(browserErrors.list()).toEqual([]);
});
