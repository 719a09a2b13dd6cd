/**
 * The SCORM 1.2 download: managers and platform admins get the module's and the path's package
 * from the module page and the catalogue (each path, and each module's card); a learner sees no
 * link and gets not found, as a signed-out visitor does.
 */
import { unzipSync } from "fflate";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { buildModulePackage, buildPathPackage } from "@/lib/scorm/build-package";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { A, ADMIN, signedInPage } from "../authorization/matrix";
import { expect, test } from "../fixtures";

const catalogue = loadCatalogue();
const module = catalogue.moduleById.get("cles-usb")!;
const learningPath = catalogue.pathById.get("bonnes-pratiques")!;
const MODULE_URL = `/modules/${module.id}/scorm`;
const PATH_URL = `/parcours/${learningPath.id}/scorm`;
const CARD_LINK = "Télécharger (SCORM 1.2)";
const CATALOGUE_HINT =
  /^Pour le LMS de votre établissement \(Moodle…\), chaque module et chaque parcours se télécharge/;

test.beforeEach(({ repeatViewport }) => {
  test.skip(repeatViewport, "the answers do not depend on the viewport");
});

test("a manager downloads the module's package from the module page, and the path's from the catalogue", async ({
  page,
}) => {
  const manager = await signedInPage(page.context().browser()!, A.manager, page);
  await manager.goto(`/modules/${module.id}`);
  const link = manager.getByRole("link", { name: "Télécharger au format SCORM 1.2" });
  await expect(link).toHaveAttribute("href", MODULE_URL);
  const [download] = await Promise.all([manager.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`vigie-${module.id}-v${module.version}-scorm12.zip`);

  const response = await manager.request.get(MODULE_URL);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await response.body()));
  const manifest = new TextDecoder().decode(files["imsmanifest.xml"]);
  expect(manifest).toContain(`identifier="${buildModulePackage(module).identifier}"`);

  await manager.goto("/modules");
  const pathLink = manager
    .getByRole("region", { name: learningPath.title })
    .getByRole("link", { name: "Télécharger au format SCORM 1.2", exact: true });
  await expect(pathLink).toHaveAttribute("href", PATH_URL);
  const pathResponse = await manager.request.get(PATH_URL);
  expect(pathResponse.status()).toBe(200);
  const pathFiles = unzipSync(new Uint8Array(await pathResponse.body()));
  const modules = learningPath.moduleIds.map((id) => catalogue.moduleById.get(id)!);
  expect(new TextDecoder().decode(pathFiles["imsmanifest.xml"])).toContain(
    `identifier="${buildPathPackage(learningPath, modules).identifier}"`,
  );
  await manager.context().close();
});

test("each module's card in the catalogue has its package, described by the module, at 360 px, with the keyboard and axe clean", async ({
  page,
}) => {
  const manager = await signedInPage(page.context().browser()!, A.manager, page);
  await manager.setViewportSize({ width: 360, height: 740 });
  await manager.goto("/modules");
  const hint = (await manager.locator("#scorm-hint").textContent())!;
  expect(hint).toMatch(CATALOGUE_HINT);
  const cards = manager.locator(".module-card");
  const links = cards.getByRole("link", { name: CARD_LINK, exact: true });
  await expect(links).toHaveCount(await cards.count());
  for (const each of catalogue.modules) {
    const card = cards.filter({ has: manager.getByRole("heading", { level: 3, name: each.title, exact: true }) });
    const link = card.first().getByRole("link", { name: CARD_LINK, exact: true });
    await expect(link, each.id).toHaveAttribute("href", `/modules/${each.id}/scorm`);
    await expect(link, each.id).toHaveAccessibleDescription(`${each.title} ${hint}`);
  }

  const link = cards
    .filter({ has: manager.getByRole("heading", { level: 3, name: module.title, exact: true }) })
    .first()
    .getByRole("link", { name: CARD_LINK, exact: true });
  await link.focus();
  const [download] = await Promise.all([manager.waitForEvent("download"), manager.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe(`vigie-${module.id}-v${module.version}-scorm12.zip`);
  expect(
    unzipSync(new Uint8Array(await (await manager.request.get(MODULE_URL)).body()))["imsmanifest.xml"],
  ).toBeTruthy();

  await expectNoHorizontalScroll(manager);
  await expectNoAxeViolations(manager);
  await manager.context().close();
});

test("a platform admin downloads the packages", async ({ page }) => {
  const admin = await signedInPage(page.context().browser()!, ADMIN, page);
  for (const url of [MODULE_URL, PATH_URL]) expect((await admin.request.get(url)).status(), url).toBe(200);
  expect((await admin.request.get("/modules/inconnu/scorm")).status()).toBe(404);
  await admin.context().close();
});

test("a learner sees no download and gets not found; so does a signed-out visitor", async ({ page }) => {
  const learner = await signedInPage(page.context().browser()!, A.learner, page);
  await learner.goto(`/modules/${module.id}`);
  await expect(learner.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(learner.getByRole("link", { name: "Télécharger au format SCORM 1.2" })).toHaveCount(0);
  await learner.goto("/modules");
  // The catalogue is its shell: the learner's part is drawn once its state has come.
  await expect(learner.locator(".module-card .state").first()).toBeVisible();
  await expect(learner.getByRole("link", { name: /SCORM/ })).toHaveCount(0);
  await expect(learner.getByText(CATALOGUE_HINT)).toHaveCount(0);
  for (const url of [MODULE_URL, PATH_URL]) {
    const response = await learner.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(response.headers()["content-type"], url).not.toBe("application/zip");
  }
  await learner.context().close();

  for (const url of [MODULE_URL, PATH_URL]) expect((await page.request.get(url)).status(), url).toBe(404);
});
