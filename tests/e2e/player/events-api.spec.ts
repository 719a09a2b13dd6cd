import { randomUUID } from "node:crypto";
import { E2E_BASE_URL } from "../../support/e2e-server";
import { expect, signInViaApi, test } from "../fixtures";
import { courseModule } from "./content";

// The route's own checks; the domain rules are covered by tests/integration/record-events*.test.ts.
test.skip(({ repeatViewport }) => repeatViewport, "the API is the same on every viewport: once per run");

const sameOrigin = { "Content-Type": "application/json", Origin: E2E_BASE_URL };

function event(learnerId: string, overrides: Record<string, unknown> = {}) {
  return {
    eventId: randomUUID(),
    learnerId,
    moduleId: "cles-usb",
    moduleVersion: courseModule("cles-usb").version,
    kind: "step_viewed",
    stepId: "le-risque",
    occurredAt: new Date().toISOString(),
    activeSeconds: 5,
    ...overrides,
  };
}

async function learnerId(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user: { id: string } };

  return session.user.id;
}

test.describe("POST /api/progress/events", () => {
  test("refuses a visitor who is not signed in", async ({ request }) => {
    const response = await request.post("/api/progress/events", {
      headers: sameOrigin,
      data: { events: [event(randomUUID())] },
    });

    expect(response.status()).toBe(401);
    expect((await response.json()).code).toBe("unauthenticated");
  });

  test("records an event once and says so when it is sent again", async ({ request, learnerEmail }) => {
    await signInViaApi(request, learnerEmail);
    const body = { events: [event(await learnerId(request))] };

    const first = await request.post("/api/progress/events", { headers: sameOrigin, data: body });
    const again = await request.post("/api/progress/events", { headers: sameOrigin, data: body });

    expect((await first.json()).outcomes[0].status).toBe("recorded");
    expect((await again.json()).outcomes[0].status).toBe("duplicate");
  });

  test("refuses a request from another site", async ({ request, learnerEmail }) => {
    await signInViaApi(request, learnerEmail);
    const response = await request.post("/api/progress/events", {
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      data: { events: [event(await learnerId(request))] },
    });

    expect(response.status()).toBe(403);
  });

  test("refuses malformed, oversized, foreign and impossible events with a clear error", async ({
    request,
    learnerEmail,
  }) => {
    await signInViaApi(request, learnerEmail);
    const me = await learnerId(request);
    const post = (data: unknown) => request.post("/api/progress/events", { headers: sameOrigin, data });

    const malformed = await post({ events: [{ ...event(me), eventId: "pas-un-uuid" }] });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).message).toBe("Les événements envoyés sont invalides.");

    const oversized = await post({ events: [event(me, { stepId: "x".repeat(70_000) })] });
    expect(oversized.status()).toBe(413);

    const foreign = await post({ events: [event(randomUUID())] });
    expect(foreign.status()).toBe(403);

    const unknownStep = await post({ events: [event(me), event(me, { stepId: "etape-inexistante" })] });
    expect(unknownStep.status()).toBe(404);
    expect((await unknownStep.json()).rejected[0].reason).toContain("etape-inexistante");

    const outdated = await post({ events: [event(me, { moduleVersion: 99 })] });
    expect(outdated.status()).toBe(409);
    expect((await outdated.json()).code).toBe("stale_content");

    const notJson = await request.post("/api/progress/events", { headers: sameOrigin, data: "{pas du json" });
    expect(notJson.status()).toBe(400);

    // None of the refused batches stored anything: the module is still "à faire".
    const catalogue = await request.get("/modules");
    expect(await catalogue.text()).not.toContain("state--in_progress");

    // A reader who chose English gets the same refusal, worded in English.
    await request.addCookies([{ name: "NEXT_LOCALE", value: "en", url: E2E_BASE_URL }]);
    const inEnglish = await post({ events: [{ ...event(me), eventId: "pas-un-uuid" }] });
    expect(inEnglish.status()).toBe(400);
    expect(await inEnglish.json()).toMatchObject({ code: "bad_request", message: "The events sent are invalid." });
  });
});
