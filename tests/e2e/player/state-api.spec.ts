import type { APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "../../support/e2e-server";
import { expect, signInViaApi, signInWithPasswordOnly, test } from "../fixtures";
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
      // What the shell draws around the player: the header's account part, the demo banner.
      viewer: {
        name: state.learner.name,
        mayManage: false,
        isPlatformAdmin: false,
        invitationCount: 0,
        currentEstablishmentId: expect.any(String),
      },
      isDemo: true,
    });
    expect(JSON.stringify(state)).not.toContain("correct");
    // One draw, whoever asks: a second read has the same questions; the page, a shell prerendered
    // for everyone, has neither the draw nor anything of the person.
    expect((await (await getState(request)).json()).quiz).toEqual(state.quiz);
    const shell = await (await request.get(`/modules/${module.id}`)).text();
    for (const personal of [state.quiz.drawId, session.user.id, state.learner.name])
      expect(shell).not.toContain(personal);
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

  test("is asked once by the module page, a shell prerendered for everyone, which is busy until it answers", async ({
    learnerPage: page,
  }) => {
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/progress/state")) asked.push(new URL(request.url()).search);
    });
    const html = await (await page.request.get(`/modules/${module.id}`)).text();
    // Drawn with no step (the content is in the page's data, for the player to show once it knows where).
    expect(html).toContain('<div class="player" aria-busy="true">');
    expect(html).not.toContain('<h1 id="step-title"');
    await page.goto(`/modules/${module.id}?etape=${module.steps[0]!.id}`);
    await expect(page.getByRole("heading", { level: 1, name: module.steps[0]!.title })).toBeVisible();
    // The first step's event reached the server: the player hydrated and ran its effects.
    await expect(page.getByText("Progression enregistrée")).toBeVisible();

    expect(asked).toEqual([`?module=${module.id}&etape=${module.steps[0]!.id}`]);
    await expect(page.locator(".player")).not.toHaveAttribute("aria-busy", "true");
  });

  test("tells a session that still owes its second factor apart, and the page sends it to the code page, not to sign-in", async ({
    page,
    expectHttpErrors,
  }) => {
    expectHttpErrors(/\/api\/progress\/state\?/, 401);
    await signInWithPasswordOnly(page.request, "rssi@vigie.test");

    const refused = await getState(page.request);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).code).toBe("second_factor_required");
    await page.goto(`/modules/${module.id}`);
    await expect(page).toHaveURL(/\/double-authentification\?retour=%2Fmodules%2Fcles-usb$/);
  });
});
