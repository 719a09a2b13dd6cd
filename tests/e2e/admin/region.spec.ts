import type { Locator } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";

/** Follows a link with the keyboard: focus, then Enter. */
async function follow(link: Locator): Promise<void> {
  await link.focus();
  await link.press("Enter");
}

const DEMO = "Centre hospitalier des Calanques (démo)";

test.describe("the platform admin's region view", () => {
  test("an admin opens it from the centre's pages, sorts it and reads it without scrolling sideways", async ({
    page,
    browserErrors,
  }) => {
    await signInViaApi(page.request, "admin@vigie.test");
    await page.goto("/centre/etablissements");
    await follow(page.getByRole("link", { name: "Tableau de bord régional" }));
    await expect(page).toHaveURL(/\/centre\/tableau-de-bord$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord régional" })).toBeVisible();

    const demo = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: DEMO }) });
    await expect(demo).toBeVisible();
    // The demo seed enrols its three named learners and the e2e learners.
    const enrolled = Number(await demo.getByRole("cell").nth(1).innerText());
    expect(enrolled).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole("img", { name: /Modules terminés par mois dans la région/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Par mois" }).getByRole("row")).toHaveCount(13);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await follow(page.getByRole("link", { name: /^Apprenants inscrits/ }));
    await expect(page).toHaveURL(/tri=enrolled&ordre=asc/);
    await expect(page.getByRole("columnheader", { name: /Apprenants inscrits/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await follow(page.getByRole("link", { name: /^Apprenants inscrits/ }));
    await expect(page.getByRole("columnheader", { name: /Apprenants inscrits/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    expect(browserErrors.list()).toEqual([]);
  });

  test("an admin downloads the CSV: BOM, French header, one line per establishment and month", async ({ page }) => {
    await signInViaApi(page.request, "admin@vigie.test");
    await page.goto("/centre/tableau-de-bord");
    const downloading = page.waitForEvent("download");
    await follow(page.getByRole("link", { name: "Exporter en CSV (par établissement et par mois)" }));
    const download = await downloading;
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(
      "Établissement;Groupe;FINESS;Apprenants inscrits;Apprenants actifs (12 mois);Mois;Modules terminés;Certificats délivrés",
    );
    const demoLines = lines.filter((line) => line.startsWith(`${DEMO};`));
    expect(demoLines).toHaveLength(12);
    expect(demoLines.every((line) => /;\d{2}\/\d{2}\/\d{4};\d+;\d+$/.test(line))).toBe(true);
  });

  test("a manager gets 404 for the view and for the export", async ({ page, expectHttpErrors }) => {
    expectHttpErrors(/\/centre\/tableau-de-bord$/, 404);
    await signInViaApi(page.request, "rssi@vigie.test");
    const response = await page.goto("/centre/tableau-de-bord");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    expect((await page.request.get("/centre/tableau-de-bord/export")).status()).toBe(404);
  });
});
