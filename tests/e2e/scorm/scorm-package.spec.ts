/**
 * A module's SCORM 1.2 package in a real browser: a test LMS page (scorm-again as the API, its
 * data kept in localStorage as an LMS keeps it between sessions) hosts the package in an iframe,
 * both served from a static server on loopback; and the same package opened alone, with no API.
 */
import { readFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { FrameLocator, Page } from "@playwright/test";
import { buildModulePackage } from "@/lib/scorm/build-package";
import type { QuizStep } from "@/lib/courses/types";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, test } from "../fixtures";
import { completeModule, courseModule, quizAnswers, rightScenarioChoice } from "../player/content";
import { tabTo } from "../player/keyboard";

const module = courseModule("cles-usb");
const quiz = module.steps.find((step): step is QuizStep => step.kind === "quiz")!;
const built = buildModulePackage(module);
const LMS_SCRIPT = readFileSync(path.join(process.cwd(), "node_modules/scorm-again/dist/scorm12.min.js"));

// The test LMS: on each commit and at the end it keeps the runtime's data, and gives it back
// (entry "resume") when the page is opened again, as an LMS does for the next session.
const HOST_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>LMS de test</title></head>
<body><main><h1>LMS de test</h1>
<script src="/lms/scorm12.js"></script>
<script>
  var saved = localStorage.getItem("cmi");
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  if (saved) {
    window.API.loadFromJSON(JSON.parse(saved));
    window.API.cmi.core.entry = "resume";
  }
  window.commits = 0;
  function keep() {
    window.commits++;
    localStorage.setItem("cmi", JSON.stringify(window.API.cmi));
  }
  window.API.on("LMSCommit", keep);
  window.API.on("LMSFinish", keep);
</script>
<iframe src="/pkg/${module.id}/index.html" title="Module SCORM" style="width:100%;height:80vh;border:0"></iframe>
</main></body></html>`;

// An LMS that refuses every commit: the player must say so, with the LMS's error code and text.
const REFUSING_HOST_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>LMS qui refuse</title></head>
<body><main><h1>LMS qui refuse</h1>
<script>
  window.API = {
    LMSInitialize: function () { return "true"; },
    LMSFinish: function () { return "true"; },
    LMSGetValue: function () { return ""; },
    LMSSetValue: function () { return "true"; },
    LMSCommit: function () { return "false"; },
    LMSGetLastError: function () { return "301"; },
    LMSGetErrorString: function () { return "Not initialized"; },
    LMSGetDiagnostic: function () { return ""; },
  };
</script>
<iframe src="/pkg/${module.id}/index.html" title="Module SCORM" style="width:100%;height:80vh;border:0"></iframe>
</main></body></html>`;

// An LMS that opens the module in a new window: the player finds the API through window.opener.
const OPENER_HOST_PAGE = HOST_PAGE.replace(
  /<iframe[^>]*><\/iframe>/,
  `<button type="button" onclick="window.open('/pkg/${module.id}/index.html')">Ouvrir le module</button>`,
);

const TYPES: Record<string, string> = {
  html: "text/html",
  js: "text/javascript",
  css: "text/css",
  svg: "image/svg+xml",
  ttf: "font/ttf",
};
let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = url.pathname.startsWith("/pkg/")
      ? built.files.get(decodeURIComponent(url.pathname.slice(5)))
      : undefined;
    const pages: Record<string, string | Buffer> = {
      "/host.html": HOST_PAGE,
      "/host-refusing.html": REFUSING_HOST_PAGE,
      "/host-opener.html": OPENER_HOST_PAGE,
      "/lms/scorm12.js": LMS_SCRIPT,
    };
    const body = pages[url.pathname] ?? file;
    if (url.pathname === "/favicon.ico") return response.writeHead(204).end();
    if (!body) return response.writeHead(404).end();
    const extension = url.pathname.split(".").pop() ?? "";
    response.writeHead(200, { "Content-Type": `${TYPES[extension] ?? "text/plain"}; charset=utf-8` }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** What the test LMS holds (cmi as JSON, where write-only elements such as session_time show). */
async function runtime(page: Page) {
  return page.evaluate(() => {
    const api = (window as unknown as { API: { cmi: unknown } }).API;
    return JSON.parse(JSON.stringify(api.cmi)) as {
      suspend_data: string;
      core: {
        lesson_status: string;
        lesson_location: string;
        session_time: string;
        score: { raw: string; min: string; max: string };
      };
    };
  });
}

async function press(page: Page, frame: FrameLocator, name: string) {
  await tabTo(page, frame.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

/** Checks a radio or checkbox with the keyboard: Tab into its group, arrows to it, Space. */
async function choose(page: Page, frame: FrameLocator, group: string, label: string, multiple = false) {
  const fieldset = frame.getByRole("group", { name: group });
  const target = fieldset.getByRole(multiple ? "checkbox" : "radio", { name: label, exact: true });
  if (multiple) {
    await tabTo(page, target);
    await page.keyboard.press("Space");
  } else {
    await tabTo(page, fieldset.getByRole("radio").first());
    for (let i = 0; i < 6 && !(await target.isChecked()); i++) {
      const focused = await target.evaluate((element) => element === document.activeElement);
      await page.keyboard.press(focused ? "Space" : "ArrowDown");
    }
  }
  await expect(target).toBeChecked();
}

async function answerScenario(page: Page, frame: FrameLocator, index: number) {
  const step = module.steps[index]!;
  if (step.kind !== "scenario") throw new Error(`step ${index + 1} is not a scenario`);
  await choose(page, frame, step.question, rightScenarioChoice(step));
  await press(page, frame, "Valider mon choix");
  await expect(frame.locator(".feedback")).toBeFocused();
  await expect(frame.locator(".feedback")).toContainText("Bonne réponse");
}

/** The drawn questions, as the player shows them, with their right and wrong choices. */
async function shownQuestions(frame: FrameLocator) {
  const legends = await frame.locator("fieldset.question legend").allTextContents();

  return legends.map((legend) => quizAnswers(quiz).find((question) => legend.includes(question.prompt))!);
}

async function answerQuiz(page: Page, frame: FrameLocator, right: boolean) {
  for (const question of await shownQuestions(frame)) {
    const choices = right ? question.rightChoices : [question.wrongChoice];
    for (const text of choices) await choose(page, frame, question.prompt, text, question.multiple);
  }
  await press(page, frame, "Valider mes réponses");
  await expect(frame.getByRole("heading", { name: "Votre résultat" })).toBeFocused();
}

test("the package in an LMS: taken with the keyboard, resumed at the same step and draw, failed, then passed", async ({
  page,
  repeatViewport,
}) => {
  test.skip(repeatViewport, "the same flow as on the desktop");
  await page.goto(`${origin}/host.html`);
  const frame = page.frameLocator("iframe");
  const heading = (index: number) => frame.getByRole("heading", { level: 1, name: module.steps[index]!.title });

  await expect(heading(0)).toBeVisible();
  await press(page, frame, "Suivant");
  await expect(heading(1)).toBeFocused();
  await answerScenario(page, frame, 1);
  await press(page, frame, "Suivant");
  await expect(heading(2)).toBeFocused();
  await expect.poll(async () => (await runtime(page)).core.lesson_location).toBe(module.steps[2]!.id);
  expect((await runtime(page)).core.lesson_status).toBe("incomplete");

  // The learner stops at step 3; the LMS opens the module again with what it saved.
  await page.reload();
  await expect(heading(2)).toBeVisible();
  await expect(frame.getByText(`Reprise à l'étape 3 sur ${module.steps.length}.`)).toBeVisible();
  await press(page, frame, "Suivant");
  await answerScenario(page, frame, 3);
  await press(page, frame, "Suivant");
  await press(page, frame, "Suivant");
  await expect(heading(5)).toBeFocused();
  const drawn = await frame.locator("fieldset.question legend").allTextContents();
  expect(drawn).toHaveLength(quiz.objectives.length);
  expect(JSON.stringify((await runtime(page)).suspend_data).length).toBeLessThanOrEqual(4096);

  await page.reload();
  await expect(heading(5)).toBeVisible();
  expect(await frame.locator("fieldset.question legend").allTextContents(), "the same draw after a reload").toEqual(
    drawn,
  );

  await answerQuiz(page, frame, false);
  await expect(frame.getByText("Il faut au moins 80 % de bonnes réponses")).toBeVisible();
  expect((await runtime(page)).core).toMatchObject({
    lesson_status: "failed",
    score: { raw: "0", min: "0", max: "100" },
  });
  await expect(frame.getByRole("button", { name: "Suivant" })).toBeDisabled();
  await press(page, frame, "Réessayer le quiz");
  await expect(heading(5)).toBeFocused();
  await answerQuiz(page, frame, true);
  await expect(frame.getByText("Quiz réussi !")).toBeVisible();
  await press(page, frame, "Suivant");
  await expect(heading(6)).toBeFocused();
  await press(page, frame, "Terminer le module");
  await expect(frame.getByRole("heading", { name: `Bravo, vous avez terminé « ${module.title} » !` })).toBeFocused();
  await expect(frame.getByText("Votre résultat est transmis à votre plateforme de formation.")).toBeVisible();

  const { core } = await runtime(page);
  expect(core).toMatchObject({ lesson_status: "passed", score: { raw: "100", min: "0", max: "100" } });
  expect(core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  expect(core.session_time).not.toMatch(/^0+:00:00(\.0+)?$/);
});

test("the same package with no LMS still plays, says nothing is saved, and passes axe", async ({ page }) => {
  await page.goto(`${origin}/pkg/${module.id}/index.html`);
  await expect(page.getByText("Aucune plateforme de formation (LMS) n'a été trouvée")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: "Suivant" }).click();
  await page.getByRole("button", { name: "Valider mon choix" }).click();
  await expect(page.getByText("Choisissez une réponse avant de valider.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Précédent" }).click();

  await completeModule(page, module);
  await expect(page.getByText("Ce module a été joué sans plateforme de formation")).toBeVisible();
  await page.getByRole("button", { name: "Revoir le module" }).click();
  await expect(page.getByRole("heading", { level: 1, name: module.steps[0]!.title })).toBeFocused();
});

test("the quiz step passes axe and fits the screen", async ({ page }) => {
  await page.goto(`${origin}/pkg/${module.id}/index.html`);
  for (const step of module.steps.slice(0, 5)) {
    if (step.kind === "scenario") {
      await page.getByRole("radio", { name: rightScenarioChoice(step), exact: true }).check();
      await page.getByRole("button", { name: "Valider mon choix" }).click();
    }
    await page.getByRole("button", { name: "Suivant" }).click();
  }
  await page.getByRole("button", { name: "Valider mes réponses" }).click();
  await expect(page.getByText(/Répondez à toutes les questions avant de valider/)).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test("an LMS error is shown with its code, and a new window finds the API of its opener", async ({
  page,
  repeatViewport,
}) => {
  test.skip(repeatViewport, "the same answers as on the desktop");
  await page.goto(`${origin}/host-refusing.html`);
  const frame = page.frameLocator("iframe");
  await frame.getByRole("button", { name: "Suivant" }).click();
  await expect(frame.getByRole("status").filter({ hasText: "erreur 301" })).toContainText(
    "La plateforme de formation a refusé l'enregistrement (erreur 301 : Not initialized).",
  );
  await expect(frame.getByRole("heading", { level: 1, name: module.steps[1]!.title })).toBeVisible();

  await page.goto(`${origin}/host-opener.html`);
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Ouvrir le module" }).click(),
  ]);
  await expect(popup.getByRole("heading", { level: 1, name: module.steps[0]!.title })).toBeVisible();
  await expect(popup.getByText("Aucune plateforme de formation")).toHaveCount(0);
  await popup.getByRole("button", { name: "Suivant" }).click();
  await expect.poll(async () => (await runtime(page)).core.lesson_location).toBe(module.steps[1]!.id);
  expect((await runtime(page)).core.lesson_status).toBe("incomplete");
});
