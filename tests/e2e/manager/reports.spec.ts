import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";
import { completeModule, courseModule } from "../player/content";

const MANAGER = "rssi@vigie.test";

test.describe("manager reports", () => {
  test("the manager assigns the path with a due date, and a learner sees it at the top of their modules", async ({
    page,
    browser,
  }, testInfo) => {
    // One due date per project, so that the two projects' assignments are told apart.
    const [day, dueOn] =
      testInfo.project.name === "phone" ? ["15/02/2031", "2031-02-15"] : ["15/01/2031", "2031-01-15"];
    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/affectations");
    await page
      .getByLabel("Parcours ou module")
      .selectOption({ label: "Parcours : Cybersécurité — Les bonnes pratiques" });
    await page.getByLabel("À terminer avant le").fill(dueOn);
    await page.getByRole("button", { name: "Affecter" }).click();
    await expect(page.getByText("Affectation enregistrée.")).toBeVisible();
    const item = page.getByRole("listitem").filter({ hasText: `À terminer avant le ${day}` });
    await expect(item).toBeVisible();

    const learnerContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const learner = await learnerContext.newPage();
    await signInViaApi(learner.request, "secretaire@vigie.test");
    await learner.goto("/modules");
    const banner = learner.getByRole("region", { name: "À faire pour votre établissement" });
    await expect(banner.getByText(`À terminer avant le ${day}`)).toBeVisible();
    await learnerContext.close();

    await item.getByRole("button", { name: /Supprimer l'affectation/ }).click();
    await expect(item).toHaveCount(0);
  });

  test("the dashboard and the learner list render with no accessibility violation", async ({ page }) => {
    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/tableau-de-bord");
    await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Modules terminés par mois" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto("/etablissement/apprenants");
    // The whole list is wider than a phone: it scrolls inside its box, never the page.
    await expectNoHorizontalScroll(page);
    await page.getByLabel("Nom ou e-mail").fill("Œuvray");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page.getByRole("row").filter({ hasText: "secretaire@vigie.test" })).toBeVisible();
    await expect(page.getByText("1 apprenant", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("a learner who trained on their own shows their completed module in the list and on their page, with its certificate", async ({
    learnerPage: learner,
    learnerEmail,
    browser,
  }) => {
    test.slow(); // a whole module, then the manager's two pages
    const module = courseModule("cles-usb");
    await learner.goto(`/modules/${module.id}`);
    await completeModule(learner, module);
    await expect(
      learner.getByRole("heading", { name: `Bravo, vous avez terminé « ${module.title} » !` }),
    ).toBeVisible();
    // "Télécharger mon certificat" issues it.
    expect((await learner.request.get(`/modules/${module.id}/certificat`)).status()).toBe(200);
    await learner.goto("/mes-certificats");
    const code = /Code de vérification\s:\s([0-9A-Z]{26})/.exec(
      (await learner
        .getByText(/Code de vérification\s:/)
        .first()
        .textContent()) ?? "",
    )![1]!;

    const manager = await (await browser.newContext({ viewport: learner.viewportSize() })).newPage();
    await signInViaApi(manager.request, MANAGER);
    await manager.goto(`/etablissement/apprenants?q=${encodeURIComponent(learnerEmail)}`);
    const row = manager.getByRole("row").filter({ hasText: learnerEmail });
    // Each column by its header (a header's hidden sorting hint follows " — ").
    const headers = (await manager.locator("thead th").allTextContents()).map((text) =>
      text.replace(/ —.*$/, "").trim(),
    );
    const cells = (await row.locator("th, td").allTextContents()).map((text) => text.trim());
    const cell = (header: string) => cells[headers.indexOf(header)];
    expect(cell("Statut")).toBe("Aucune affectation");
    expect(cell("Affectations terminées")).toBe("—");
    expect(cell("Modules terminés")).toBe("1");
    await expectNoAxeViolations(manager);
    await expectNoHorizontalScroll(manager);

    await row.getByRole("link").first().click();
    await expect(manager.getByText("Aucune affectation ne concerne cette personne.")).toBeVisible();
    const moduleRow = manager
      .getByRole("table", { name: "Modules" })
      .getByRole("row")
      .filter({ hasText: module.title });
    await expect(moduleRow).toContainText("Non, de sa propre initiative");
    await expect(moduleRow).toContainText(code);
    await expect(moduleRow.getByRole("cell").nth(3)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
    await expectNoAxeViolations(manager);
    await expectNoHorizontalScroll(manager);
    await manager.context().close();
  });

  test("the CSV export downloads with a BOM and French headers", async ({ page }) => {
    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/apprenants");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter en CSV (tableur)" }).click();
    const download = await downloading;
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1).split("\r\n")[0]).toBe(
      "Nom;E-mail;Équipe;Statut;Affectations terminées;Affectations;Modules terminés;Dernière activité;Temps passé (minutes)",
    );
    expect(bytes.toString("utf8")).toContain("Zoë Œuvray;secretaire@vigie.test;Accueil et admissions;");
  });

  test("a learner opening a manager page or the export gets 404", async ({ learnerPage: page, expectHttpErrors }) => {
    expectHttpErrors(/\/etablissement\/(tableau-de-bord|apprenants|affectations)$/, 404);
    for (const url of ["/etablissement/tableau-de-bord", "/etablissement/apprenants", "/etablissement/affectations"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }
    expect((await page.request.get("/etablissement/apprenants/export")).status()).toBe(404);
  });
});
