import { E2E_EXERCISE } from "@/db/seed/e2e-phishing";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";
import { tabTo } from "../player/keyboard";

// The seeded exercise of the demo establishment (db/seed/e2e-phishing.ts): 18 people in four
// services made for it, two shown on their own (6 and 7 people), two merged (3 and 2 people).
const MANAGER = "rssi@vigie.test";
const BLOC = "Bloc opératoire (exercice e2e)";
const CUISINE = "Cuisine centrale (exercice e2e)";
const MERGED = "Autres services (moins de 5 personnes)";
const TOTAL = "Ensemble de l'exercice";

/** « 33 % (2 sur 6) » whatever spaces French typography puts in. */
const rate = (percent: number, count: number, total: number) =>
  new RegExp(`^${percent}\\s%\\s\\(${count}\\ssur\\s${total}\\)$`);

test.describe("an exercise's results by service", () => {
  test("reached from the exercises page with the keyboard: services of five or more, the rest merged, the total, and the trend", async ({
    page,
  }, testInfo) => {
    await signInViaApi(page.request, MANAGER);
    await page.goto("/etablissement/exercices");

    // The trend: the seeded exercise is the oldest, so the first row.
    const trend = page.getByRole("table", { name: "Évolution des exercices lancés" });
    const first = trend.getByRole("row").nth(1);
    await expect(first.getByRole("cell").first()).toHaveText("05/10/2026");
    await expect(first.getByRole("rowheader")).toHaveText(E2E_EXERCISE.scenarioTitle);
    await expect(first.getByRole("cell").nth(1)).toHaveText("18");
    await expect(first.getByRole("cell").nth(2)).toHaveText(rate(24, 4, 17));
    await expect(first.getByRole("cell").nth(3)).toHaveText(rate(18, 3, 17));
    await expect(first.getByRole("cell").nth(4)).toHaveText(rate(18, 3, 17));
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const link = page
      .getByRole("row")
      .filter({ hasText: "à partir du 05/10/2026" })
      .getByRole("link", { name: "Voir les résultats" });
    await tabTo(page, link, 200);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/etablissement/exercices/${E2E_EXERCISE.ids.a}$`));
    await expect(
      page.getByRole("heading", { level: 1, name: `Résultats : ${E2E_EXERCISE.scenarioTitle}` }),
    ).toBeVisible();

    const table = page.getByRole("table", { name: "Résultats par service" });
    const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    const cells = async (name: string) => (await row(name).getByRole("cell").allInnerTexts()).map((t) => t.trim());
    expect(await table.getByRole("rowheader").allInnerTexts()).toEqual([BLOC, CUISINE, MERGED, TOTAL]);
    const bloc = await cells(BLOC);
    expect(bloc[0]).toBe("6");
    expect(bloc[1]).toMatch(rate(100, 6, 6));
    expect(bloc[2]).toMatch(rate(17, 1, 6));
    expect(bloc[3]).toMatch(rate(33, 2, 6));
    expect(bloc[4]).toMatch(rate(17, 1, 6));
    expect(bloc[5]).toMatch(/^45\smin$/);
    expect(bloc[6]).toMatch(rate(33, 2, 6));
    expect(bloc[7]).toMatch(rate(50, 1, 2));
    const cuisine = await cells(CUISINE);
    expect(cuisine[1]).toMatch(rate(86, 6, 7));
    expect(cuisine[5]).toMatch(/^2\sh\s4\smin$/);
    const merged = await cells(MERGED);
    expect(merged[0]).toBe("5");
    expect(merged[3]).toMatch(rate(20, 1, 5));
    expect(merged[5]).toBe("—");
    const total = await cells(TOTAL);
    expect(total[0]).toBe("18");
    expect(total[3]).toMatch(rate(24, 4, 17));
    expect(total[7]).toMatch(rate(50, 2, 4));
    await expect(page.getByText("Laboratoire (exercice e2e)")).toHaveCount(0);

    // The table scrolls inside its own region, which the keyboard reaches and scrolls.
    const region = page.getByRole("group", { name: "Résultats par service" });
    await tabTo(page, region);
    if (testInfo.project.name === "phone") {
      expect(await page.evaluate(() => window.innerWidth)).toBe(360);
      for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("the CSV export downloads by service for a French spreadsheet", async ({ page }) => {
    await signInViaApi(page.request, MANAGER);
    await page.goto(`/etablissement/exercices/${E2E_EXERCISE.ids.a}`);
    const downloading = page.waitForEvent("download");
    await tabTo(page, page.getByRole("link", { name: "Exporter en CSV (tableur)" }), 200);
    await page.keyboard.press("Enter");
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^resultats-exercice-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    const records = lines.filter(Boolean).map((line) => line.split(";"));
    expect(records[0]).toEqual([
      "Service",
      "Messages envoyés",
      "Messages distribués",
      "Ouvertures automatiques",
      "Clics",
      "Taux de clic (%)",
      "Signalements",
      "Taux de signalement (%)",
      "Délai du premier signalement (minutes)",
      "Module suivi après le message",
      "Taux de module suivi (%)",
      "Clics suivis du module",
      "Module suivi parmi les clics (%)",
    ]);
    expect(records.slice(1)).toEqual([
      [BLOC, "6", "6", "1", "2", "33,3", "1", "16,7", "45", "2", "33,3", "1", "50,0"],
      [CUISINE, "7", "6", "0", "1", "16,7", "2", "33,3", "124", "1", "16,7", "1", "100,0"],
      [MERGED, "5", "5", "0", "1", "20,0", "0", "0,0", "", "0", "0,0", "0", "0,0"],
      [TOTAL, "18", "17", "1", "4", "23,5", "3", "17,6", "45", "3", "17,6", "2", "50,0"],
    ]);
    expect(lines.at(-1)).toBe("");
  });

  test("an unknown exercise, a malformed id or another establishment's gets the same not found", async ({
    page,
    expectHttpErrors,
  }) => {
    await signInViaApi(page.request, MANAGER);
    const ids = ["00000000-0000-4000-8000-000000000000", "pas-un-identifiant", E2E_EXERCISE.ids.b];
    expectHttpErrors(/\/etablissement\/exercices\/[^/]+(\/export)?$/, 404);
    for (const id of ids) {
      const response = await page.goto(`/etablissement/exercices/${id}`);
      expect(response?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
      expect((await page.request.get(`/etablissement/exercices/${id}/export`)).status(), id).toBe(404);
    }
  });
});
