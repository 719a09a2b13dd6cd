import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";

/** Collects console errors and page errors from now on. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));

  return errors;
}

/** Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);

  expect(summary).toEqual([]);
}

/** The page fits the viewport: nothing makes the page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // Against the configured viewport, not innerWidth: a phone browser widens its layout
  // viewport (and innerWidth with it) to fit content that overflows.
  const width = page.viewportSize()?.width ?? (await page.evaluate(() => window.innerWidth));
  const overflow = await page.evaluate((viewport) => Math.max(document.documentElement.scrollWidth, window.innerWidth) - viewport, width);

  expect(overflow).toBeLessThanOrEqual(0);
}
