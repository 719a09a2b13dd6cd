import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

/** The name the e2e seed gives a fresh learner (db/seed/demo.ts). */
export function seededName(learnerEmail: string): string {
  return learnerEmail.replace(/^e2e-(\w+)-(\d+)@.*$/, "Apprenant $1 $2");
}

/** Replaces the field's text with the keyboard alone and sends the form with Enter. */
export async function typeName(page: Page, name: string) {
  const field = page.getByRole("textbox", { name: "Prénom et nom" });
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(name);
  await page.keyboard.press("Enter");
}

export async function userIdOf(page: Page): Promise<string> {
  const { user } = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  expect(user.id).toBeTruthy();

  return user.id;
}
