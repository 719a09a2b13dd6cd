import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Locator, type Page, type Request, test as base, expect } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_TOTP_SECRET } from "@/db/seed/demo";
import { BrowserErrors } from "../support/browser-errors";
import { E2E_LEARNERS } from "../support/e2e-server";

export const DEMO_PASSWORD = "vigie-demo-2026";

/**
 * Signs in through Auth.js's own endpoints (sign-in specs use the form instead); a manager or
 * admin then passes the second factor with a real TOTP code of the seeded secret, as the form
 * on /double-authentification would post it.
 */
export async function signInViaApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signInWithPasswordOnly(request, email, password);
  await passSecondFactorViaApi(request, email);
}

/** The first step of signInViaApi alone: a manager's or admin's session then waits for its second factor. */
export async function signInWithPasswordOnly(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/modules" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  expect(response.headers().location ?? "").not.toContain("error");
}

/** When the session waits for a second factor (the code page answers 200), posts a fresh code. */
export async function passSecondFactorViaApi(
  request: APIRequestContext,
  email: string,
  secret = DEMO_TOTP_SECRET,
): Promise<void> {
  const challenge = await request.get("/double-authentification?retour=%2Fmon-compte", { maxRedirects: 0 });
  if (challenge.status() !== 200) {
    expect(challenge.headers().location ?? "", `${email} has no second factor to enrol here`).not.toContain("/activer");
    return;
  }
  const origin = new URL(challenge.url()).origin;
  const verified = await request.post("/double-authentification/verifier", {
    form: { code: await unusedTotpCode(secret, email), retour: "/mon-compte" },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(verified.status(), `second factor of ${email}`).toBe(303);
  expect(verified.headers().location ?? "", `second factor of ${email}`).toMatch(/\/mon-compte$/);
}

const PERIOD_MS = 30_000;

/**
 * A code of `secret` whose time step no earlier code of `email` in this run used: the server
 * accepts one step either side of now and never the same step twice, so an account signed in
 * more than three times in half a minute waits for the next step. Steps used are kept in a file
 * shared by every spec of the run.
 */
export async function unusedTotpCode(secret: string, email = secret): Promise<string> {
  const dir = path.join(__dirname, "..", ".output");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `totp-steps-${process.env.E2E_RUN_ID}.json`);
  let used: Record<string, number> = {};
  try {
    used = JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
  } catch {}
  const last = used[email] ?? -Infinity;
  const now = Date.now();
  const step = Math.floor(now / PERIOD_MS);
  // The step behind only with two seconds to spare: the server's window moves on at the step's end.
  const candidates = [now % PERIOD_MS < PERIOD_MS - 2_000 ? step - 1 : step, step, step + 1].filter(
    (candidate) => candidate > last,
  );
  if (candidates.length === 0) {
    // Every step up to now + 1 is used: wait for step `last`, whose window reaches last + 1.
    await new Promise((resolve) => setTimeout(resolve, (last - step) * PERIOD_MS - (now % PERIOD_MS) + 100));
    candidates.push(last + 1);
  }
  const chosen = candidates[0]!;
  used[email] = chosen;
  writeFileSync(file, JSON.stringify(used));
  const totp = new TOTP({
    issuer: "Vigie",
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

  return totp.generate({ timestamp: chosen * PERIOD_MS });
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
  // Past the seeded ones, sign-in fails with CredentialsSignin, which says nothing of the cause.
  if (used + 1 > E2E_LEARNERS)
    throw new Error(
      `more than ${E2E_LEARNERS} tests used a fresh learner: raise E2E_LEARNERS in tests/support/e2e-server.ts`,
    );

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
  /**
   * Declares that browser responses whose URL matches `url` may have one of `statuses` (≥ 400) in
   * this test; any other such response fails it, as does a console error or an uncaught exception.
   */
  expectHttpErrors: (url: RegExp, ...statuses: number[]) => void;
  /** Declares a console error this test provokes on purpose (e.g. a save attempted offline). */
  expectConsoleErrors: (text: RegExp) => void;
  browserErrors: BrowserErrors;
};

export const test = base.extend<Fixtures>({
  browserErrors: [
    async ({ browser, context }, use) => {
      const errors = new BrowserErrors();
      errors.watchContext(context);
      const unwatch = errors.watchBrowser(browser);
      try {
        await use(errors);
      } finally {
        unwatch();
      }
      expect(
        errors.list(),
        "the browser logged errors or got unexpected HTTP errors (declare expected ones with expectHttpErrors)",
      ).toEqual([]);
    },
    { auto: true },
  ],
  expectHttpErrors: async ({ browserErrors }, use) => {
    await use((url, ...statuses) => {
      if (statuses.length === 0 || statuses.some((status) => status < 400))
        throw new Error("expectHttpErrors needs the error statuses it allows");
      browserErrors.allowHttpErrors(url, statuses);
    });
  },
  expectConsoleErrors: async ({ browserErrors }, use) => {
    await use((text) => browserErrors.allowConsoleErrors(text));
  },
  learnerEmail: async ({}, use, testInfo) => {
    await use(nextLearnerEmail(testInfo.project.name));
  },
  repeatViewport: async ({}, use, testInfo) => {
    await use(
      testInfo.project.name !== "desktop" && testInfo.config.projects.some((project) => project.name === "desktop"),
    );
  },
  learnerPage: async ({ page, learnerEmail }, use) => {
    await signInViaApi(page.request, learnerEmail);
    await use(page);
  },
});

/**
 * On the catalogue, with the learner's state drawn: the shell is the same for everyone, and the
 * header's account part comes with the state. Wait for it before clearing cookies, or the state
 * request still to come is refused (401) and the page leaves for sign-in under the next goto.
 */
export async function expectCatalogueLoaded(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/modules$/);
  await expect(page.getByRole("link", { name: "Mes certificats" })).toBeVisible();
}

/** A pattern for `expectHttpErrors` that matches responses for exactly `path` (with its query). */
export function urlEndingWith(path: string): RegExp {
  return new RegExp(`^[a-z]+://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/**
 * Waits until React has hydrated this element. A test that edits the DOM as an attacker would
 * must wait: hydration writes the server's values back into fields and drops nodes it did not render.
 * A page without JavaScript (its inline scripts never fill self.__next_f) is never hydrated.
 */
export async function waitForHydration(element: Locator): Promise<void> {
  await expect
    .poll(() =>
      element.evaluate(
        (node) => !("__next_f" in window) || Object.keys(node).some((key) => key.startsWith("__reactFiber$")),
      ),
    )
    .toBe(true);
}

/** Gives a form field a value the form never offered (a select gets the option first). */
export async function forgeValue(field: Locator, value: string): Promise<void> {
  await waitForHydration(field);
  await field.evaluate((element, forged) => {
    if (element instanceof HTMLSelectElement && ![...element.options].some((option) => option.value === forged)) {
      element.add(new Option(forged, forged));
    }
    (element as HTMLInputElement | HTMLSelectElement).value = forged;
  }, value);
}

/**
 * Ticks a radio button with a value the form never offered and sends its form, all in one task:
 * React puts the server's value back on hydration and after each change event on the field, so a
 * forged value must reach FormData before React runs again. Resolves with the POST it sent.
 */
export async function submitForgedChoice(radio: Locator, value: string): Promise<Request> {
  await waitForHydration(radio);
  const [request] = await Promise.all([
    radio.page().waitForRequest((sent) => sent.method() === "POST"),
    radio.evaluate((input, forged) => {
      const field = input as HTMLInputElement;
      field.value = forged;
      field.checked = true;
      field.form!.requestSubmit();
    }, value),
  ]);
  expect(request.postData() ?? "", "the forged value was sent").toContain(value);
  await request.response();

  return request;
}

/**
 * Enrols a second factor on /double-authentification/activer, where `page` is, with the keyboard
 * alone: reads the key shown as text, types a code of it, and goes on past the recovery codes.
 */
export async function enrolSecondFactor(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(/\/double-authentification\/activer/);
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  const field = page.getByRole("textbox", { name: "Code à 6 chiffres" });
  await field.focus();
  await page.keyboard.type(await unusedTotpCode(secret));
  await page.keyboard.press("Enter");
  const codes = page.getByRole("region", { name: "Vos codes de secours" });
  await expect(codes.getByRole("heading", { name: "Vos codes de secours" })).toBeFocused();
  const recoveryCodes = (await codes.getByRole("listitem").allTextContents()).map((code) => code.trim());
  expect(recoveryCodes).toHaveLength(10);
  await codes.getByRole("link", { name: "J'ai noté mes codes, continuer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/\/double-authentification/);

  return { secret, recoveryCodes };
}

export { expect };
