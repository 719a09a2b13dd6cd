import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Page, test as base, expect } from "@playwright/test";

export const DEMO_PASSWORD = "vigie-demo-2026";

/** Signs in through Auth.js's own endpoints (sign-in specs use the form instead). */
export async function signInViaApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/modules" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  expect(response.headers().location ?? "").not.toContain("error");
}

/**
 * A learner of the demo establishment that no other test has used in this run: the server
 * seeds e2e-<project>-<n>@vigie.test, and a counter file hands each out once.
 */
function nextLearnerEmail(project: string): string {
  const dir = path.join(__dirname, "..", ".output");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `learners-${process.env.E2E_RUN_ID}-${project}.txt`);
  let used = 0;
  try {
    used = Number(readFileSync(file, "utf8"));
  } catch {}
  writeFileSync(file, String(used + 1));

  return `e2e-${project}-${used + 1}@vigie.test`;
}

type Fixtures = {
  learnerEmail: string;
  learnerPage: Page;
  /**
   * True on the phone project when the desktop one runs too. Tests whose answer does not depend
   * on the viewport skip then: they run once per `npm test`, on the desktop, or on the phone when
   * it runs alone (E2E_PROJECTS=phone, CI's PostgreSQL run), so that CI runs them on both databases.
   */
  repeatViewport: boolean;
};

export const test = base.extend<Fixtures>({
  learnerEmail: async ({}, use, testInfo) => {
    await use(nextLearnerEmail(testInfo.project.name));
  },
  repeatViewport: async ({}, use, testInfo) => {
    await use(testInfo.project.name !== "desktop" && testInfo.config.projects.some((project) => project.name === "desktop"));
  },
  learnerPage: async ({ page, learnerEmail }, use) => {
    await signInViaApi(page.request, learnerEmail);
    await use(page);
  },
});

export { expect };
