import type { APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "../../support/e2e-server";
import { expect, signInViaApi, test } from "../fixtures";
import { courseModule } from "./content";

// The route's own checks; what the state holds is covered by tests/integration/learner-module-state.test.ts.
test.skip(({ repeatViewport }) => repeatViewport, "the API is the same on every viewport: once per run");

const module = courseModule("cles-usb");
const getState = (request: APIRequestContext, query = `module=${module.id}`) =>
  request.get(`/api/progress/state?${query}`);

test.describe("GET /api/progress/state", () => {
  test("refuses a visitor who is not signed in, as JSON, never cached", async ({ request }) => {
    const response = await getState(request);

    expect(response.status()).toBe(401);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toEqual({ code: "unauthenticated", message: "Veuillez vous connecter." });
  });

  test("gives the signed-in learner their own state with the page's draw, and refuses bad input and unknown modules clearly", async ({
    request,
    learnerEmail,
  }) => {
    await signInViaApi(request, learnerEmail);
    const session = (await (await request.get("/api/auth/session")).json()) as { user: { id: string } };

    const response = await getState(request);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const state = await response.json();
    expect(state).toMatchObject({
      moduleId: module.id,
      moduleVersion: module.version,
      learner: { id: session.user.id, establishmentName: "Centre hospitalier des Calanques (démo)" },
      stepIndex: 0,
      furthestStepIndex: 0,
      quizPassed: false,
      completed: false,
      showCompletion: false,
    });
    expect(JSON.stringify(state)).not.toContain("correct");
    // One draw, whoever asks: the module page renders the same questions, and so does a second read.
    expect(await (await request.get(`/modules/${module.id}`)).text()).toContain(state.quiz.drawId);
    expect((await (await getState(request)).json()).quiz).toEqual(state.quiz);
    expect((await getState(request, `module=${module.id}&etape=${module.steps[3]!.id}`)).status()).toBe(200);

    for (const query of [
      "",
      "module=",
      "module=CLES_USB",
      `module=${module.id}&module=autre`,
      `module=${module.id}&etape=%3Cb%3E`,
    ]) {
      const refused = await getState(request, query);
      expect(refused.status(), query).toBe(400);
      expect(await refused.json(), query).toMatchObject({
        code: "bad_request",
        message: expect.stringContaining("Indiquez le module voulu par son identifiant"),
      });
    }
    const unknown = await getState(request, "module=module-inexistant");
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ code: "not_found", message: "Page ou ressource introuvable." });
    expect((await request.post(`/api/progress/state?module=${module.id}`)).status()).toBe(405);

    // A reader who chose English gets the same refusal, worded in English.
    await request.addCookies([{ name: "NEXT_LOCALE", value: "en", url: E2E_BASE_URL }]);
    const inEnglish = await getState(request, "module=");
    expect(inEnglish.status()).toBe(400);
    expect((await inEnglish.json()).message).toContain("Name the module by its id");
  });

  test("is not asked by the module page, which renders the player with the learner's state", async ({
    learnerPage: page,
  }) => {
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/progress/state")) asked.push(request.url());
    });
    await page.goto(`/modules/${module.id}`);
    await expect(page.getByRole("heading", { level: 1, name: module.steps[0]!.title })).toBeVisible();
    // The first step's event reached the server: the player hydrated and ran its effects.
    await expect(page.getByText("Progression enregistrée")).toBeVisible();

    expect(asked).toEqual([]);
  });
});
