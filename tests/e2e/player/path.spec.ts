import { expect, test } from "../fixtures";
import { catalogue } from "./content";

const path = catalogue.pathById.get("bonnes-pratiques")!;
const titles = path.moduleIds.map((id) => catalogue.moduleById.get(id)!.title);

test.describe("catalogue", () => {
  test("shows the five modules of the path in order, then the cyber-incident module apart", async ({ learnerPage: page }) => {
    expect(path.title).toBe("Cybersécurité — Les bonnes pratiques");
    expect(titles).toHaveLength(5);
    await page.goto("/modules");

    const section = page.getByRole("region", { name: path.title });
    await expect(section.getByRole("heading", { level: 3 })).toHaveText(titles);
    for (const [index, title] of titles.entries()) {
      const card = section.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });
      await expect(card.getByText(`${index + 1} sur 5`, { exact: true })).toBeVisible();
    }

    const others = page.getByRole("region", { name: "Autres modules" });
    await expect(others.getByRole("heading", { level: 3 })).toHaveText(["Cyber-incident : les bons réflexes"]);
    await expect(others.getByText(/\d sur \d/)).toHaveCount(0);
  });
});
