import { expect, test } from "../fixtures";
import { catalogue } from "./content";

const everyday = catalogue.pathById.get("bonnes-pratiques")!;
const react = catalogue.pathById.get("reagir-et-proteger")!;
const titles = (moduleIds: string[]) => moduleIds.map((id) => catalogue.moduleById.get(id)!.title);

test.describe("catalogue", () => {
  test("shows the two paths, each with its modules in order and their computed duration, and no module apart", async ({
    learnerPage: page,
  }) => {
    expect(everyday.title).toBe("Cybersécurité — Les bonnes pratiques");
    expect(react.title).toBe("Cybersécurité — Réagir et protéger");
    await page.goto("/modules");

    for (const path of [everyday, react]) {
      const section = page.getByRole("region", { name: path.title });
      await expect(section.getByRole("heading", { level: 3 })).toHaveText(titles(path.moduleIds));
      for (const [index, id] of path.moduleIds.entries()) {
        const module = catalogue.moduleById.get(id)!;
        const card = section
          .getByRole("listitem")
          .filter({ has: page.getByRole("heading", { level: 3, name: module.title, exact: true }) });
        await expect(card.getByText(`${index + 1} sur ${path.moduleIds.length}`, { exact: true })).toBeVisible();
        await expect(card.getByText(`Durée : ${module.durationMinutes} min`)).toBeVisible();
      }
    }
    await expect(page.getByRole("region", { name: "Autres modules" })).toHaveCount(0);
  });
});
