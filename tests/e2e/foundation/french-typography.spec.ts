import { expect, test } from "../fixtures";

test.skip(({ repeatViewport }) => repeatViewport, "the characters do not depend on the viewport");

// Interface messages carry French typography as course text does: a narrow no-break space
// (U+202F) before : ; ! ? % and inside « », so that no line starts with the sign. English does not.
test("shows interface messages with French narrow no-break spaces, and English without", async ({ page, context }) => {
  await page.goto("/connexion");
  const banner = page.getByText(/^Démonstration/);
  expect(await banner.textContent()).toMatch(/^Démonstration\u202f: ce site/);
  expect(await page.locator("body").innerText()).not.toMatch(/ [:;!?]( |$)/m);

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/connexion");
  expect(await page.getByText(/^Demonstration/).textContent()).toMatch(/^Demonstration: this site/);
  expect(await page.locator("body").innerText()).not.toContain("\u202f");
});
