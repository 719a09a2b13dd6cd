import { type Locator, type Page, expect } from "@playwright/test";

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  // Found once, not before every press: finding an element by role and name takes longer than
  // the press (up to 250 ms on a busy machine), and again if React replaced it meanwhile.
  let element = await target.elementHandle();
  for (let i = 0; i < maxPresses; i++) {
    const where = await element
      .evaluate((el) => (!el.isConnected ? "gone" : el === document.activeElement))
      .catch(() => "gone" as const);
    if (where === true) return;
    if (where === "gone") element = await target.elementHandle();
    else await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Selects a radio button with the keyboard: Tab into its group, then arrow keys to it. */
export async function chooseRadio(page: Page, group: Locator, label: string): Promise<void> {
  const radios = group.getByRole("radio");
  const count = await radios.count();
  await tabTo(page, group.getByRole("radio").and(page.locator(":focus")).or(radios.first()).first());
  const target = group.getByRole("radio", { name: label, exact: true });
  for (let i = 0; i < count && !(await target.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(target).toBeChecked();
}

/** Ticks a checkbox with the keyboard. */
export async function tickCheckbox(page: Page, box: Locator): Promise<void> {
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
}

/** Activates a button or link with the keyboard. */
export async function pressButton(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}
