import { describe, expect, it, vi } from "vitest";
import { loadModuleState } from "@/app/(site)/(learner)/modules/[moduleId]/_components/load-module-state";
import type { ModuleStateAnswer } from "@/lib/progress/module-state-answer";

const module = { id: "cles-usb", version: 3 };
const here = { pathname: "/modules/cles-usb", search: "?etape=quiz" };
const state = { moduleId: "cles-usb", moduleVersion: 3, stepIndex: 2 } as ModuleStateAnswer;
const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

describe("loadModuleState", () => {
  it("asks for the module and the step the URL names, and gives the state of the page's version", async () => {
    const fetchState = answer(200, state);

    expect(await loadModuleState(module, here, fetchState)).toEqual({ kind: "ready", state });
    expect(fetchState).toHaveBeenCalledWith("/api/progress/state?module=cles-usb&etape=quiz", expect.anything());
  });

  it("leaves out a step id the route would refuse, as the page ignores an unknown one", async () => {
    const fetchState = answer(200, state);
    await loadModuleState(module, { ...here, search: "?etape=%3Cb%3E&x=1" }, fetchState);

    expect(fetchState).toHaveBeenCalledWith("/api/progress/state?module=cles-usb", expect.anything());
  });

  it("sends the learner where the module page would: sign-in, choosing an establishment, none, back here after", async () => {
    const back = encodeURIComponent("/modules/cles-usb?etape=quiz");

    expect(await loadModuleState(module, here, answer(401, { code: "unauthenticated" }))).toEqual({
      kind: "redirect",
      to: `/connexion?retour=${back}`,
    });
    expect(await loadModuleState(module, here, answer(409, { code: "establishment_not_chosen" }))).toEqual({
      kind: "redirect",
      to: `/choisir-etablissement?retour=${back}`,
    });
    expect(await loadModuleState(module, here, answer(403, { code: "forbidden" }))).toEqual({
      kind: "redirect",
      to: "/sans-etablissement",
    });
  });

  it("sends a session that still owes its second factor to the code page, not to sign-in, as the module page does", async () => {
    const back = encodeURIComponent("/modules/cles-usb?etape=quiz");

    expect(await loadModuleState(module, here, answer(401, { code: "second_factor_required" }))).toEqual({
      kind: "redirect",
      to: `/double-authentification?retour=${back}`,
    });
  });

  it("says why there is no state: an unknown module, a state of another version, a server or network that cannot answer", async () => {
    const failed = (reason: string) => ({ kind: "failed", reason });

    expect(await loadModuleState(module, here, answer(404, { code: "not_found" }))).toEqual(failed("notFound"));
    expect(await loadModuleState(module, here, answer(200, { ...state, moduleVersion: 4 }))).toEqual(failed("stale"));
    expect(await loadModuleState(module, here, answer(503, { code: "unavailable" }))).toEqual(failed("unavailable"));
    expect(await loadModuleState(module, here, answer(500, "<html>"))).toEqual(failed("unavailable"));
    const offline = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await loadModuleState(module, here, offline)).toEqual(failed("unavailable"));
    const notJson = vi.fn(async () => new Response("<html>", { status: 502 }));
    expect(await loadModuleState(module, here, notJson)).toEqual(failed("unavailable"));
  });
});
