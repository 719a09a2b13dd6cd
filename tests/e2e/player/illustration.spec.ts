import { expect, test } from "../fixtures";

test.describe("lesson illustrations", () => {
  test("a lesson shows its illustration with its text alternative", async ({ learnerPage: page }) => {
    await page.goto("/modules/cles-usb");

    const image = page.getByRole("img", { name: "Une clé USB, marquée d'un panneau de danger" });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  test("serves only the files lessons name, with scripts disabled", async ({ learnerPage: page }) => {
    const named = await page.request.get("/modules/cles-usb/illustrations/cle-usb.svg");
    expect(named.status()).toBe(200);
    expect(named.headers()["content-type"]).toBe("image/svg+xml");
    expect(named.headers()["content-security-policy"]).toContain("sandbox");

    for (const file of ["module.yaml", "..%2Fcles-usb%2Fmodule.yaml", "inconnue.svg"]) {
      expect((await page.request.get(`/modules/cles-usb/illustrations/${file}`)).status()).toBe(404);
    }
  });
});
