import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";

/** Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation Next.js sets the new page's <title> a moment later: scan once it is there.
  await expect.poll(() => page.title(), { message: "the page has a title" }).not.toBe("");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );

  expect(summary).toEqual([]);
}

/** The page fits the viewport: nothing makes the page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // Against the configured viewport, not innerWidth: a phone browser widens its layout
  // viewport (and innerWidth with it) to fit content that overflows.
  const width = page.viewportSize()?.width ?? (await page.evaluate(() => window.innerWidth));
  const { overflow, culprits } = await page.evaluate((viewport) => {
    const sticking = [...document.body.querySelectorAll("*")].filter(
      (element) => element.getBoundingClientRect().right > viewport + 0.5,
    );
    // The innermost elements that stick out say what to fix.
    const innermost = sticking.filter(
      (element) => !sticking.some((other) => other !== element && element.contains(other)),
    );
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""} (right ${Math.round(element.getBoundingClientRect().right)})`;

    return {
      overflow: Math.max(document.documentElement.scrollWidth, window.innerWidth) - viewport,
      culprits: innermost.slice(0, 5).map(describe),
    };
  }, width);

  expect(overflow, `wider than ${width} px: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
}
