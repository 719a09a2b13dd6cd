import { describe, expect, it, vi } from "vitest";
import { loadCatalogueState } from "@/app/(shell)/coquille/[langue]/_components/load-catalogue-state";
import type { ModuleProgress } from "@/db/schema";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { type CatalogueStateAnswer, catalogueStateOf, withCatalogueState } from "@/lib/progress/catalogue-state";
import { buildCatalogueView } from "@/lib/progress/catalogue-view";

describe("catalogueStateOf and withCatalogueState", () => {
  it("give back, from the shell's view and the learner's state, the view the page rendered per request shows", () => {
    const catalogue = getCatalogue();
    const [first, second] = catalogue.paths[0]!.moduleIds;
    const other = catalogue.modules.find((m) => !catalogue.paths.some((p) => p.moduleIds.includes(m.id)));
    const progress = new Map<string, ModuleProgress>([
      [first!, { completedAt: new Date() } as ModuleProgress],
      [second!, { completedAt: null } as ModuleProgress],
      ...(other ? [[other.id, { completedAt: null } as ModuleProgress] as const] : []),
    ]);
    const learnerView = buildCatalogueView(catalogue, progress);
    const shellView = buildCatalogueView(catalogue, new Map());
    const state = catalogueStateOf(learnerView, []);

    expect(state.modules[first!]).toBe("done");
    expect(state.paths[catalogue.paths[0]!.id]).toEqual({ done: 1, next: { moduleId: second, action: "resume" } });
    // Nothing of the modules' texts: the shell holds them.
    expect(JSON.stringify(state)).not.toContain(catalogue.modules[0]!.summary);
    expect(withCatalogueState(shellView, state)).toEqual(learnerView);
  });
});

describe("loadCatalogueState", () => {
  const here = { pathname: "/modules", search: "" };
  const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

  it("asks for the learner's catalogue state and gives it", async () => {
    const state = { modules: {}, paths: {}, assigned: [] } as unknown as CatalogueStateAnswer;
    const fetchState = answer(200, state);

    expect(await loadCatalogueState(here, fetchState)).toEqual({ kind: "ready", state });
    expect(fetchState).toHaveBeenCalledWith("/api/progress/catalogue", expect.anything());
  });

  it("sends the learner where the catalogue page would: sign-in, second factor, choosing an establishment, none", async () => {
    const back = encodeURIComponent("/modules");

    expect(await loadCatalogueState(here, answer(401, { code: "unauthenticated" }))).toEqual({
      kind: "redirect",
      to: `/connexion?retour=${back}`,
    });
    expect(await loadCatalogueState(here, answer(401, { code: "second_factor_required" }))).toEqual({
      kind: "redirect",
      to: `/double-authentification?retour=${back}`,
    });
    expect(await loadCatalogueState(here, answer(409, { code: "establishment_not_chosen" }))).toEqual({
      kind: "redirect",
      to: `/choisir-etablissement?retour=${back}`,
    });
    expect(await loadCatalogueState(here, answer(403, { code: "forbidden" }))).toEqual({
      kind: "redirect",
      to: "/sans-etablissement",
    });
  });

  it("says it failed when the server or the network cannot answer", async () => {
    expect(await loadCatalogueState(here, answer(503, { code: "unavailable" }))).toEqual({ kind: "failed" });
    expect(
      await loadCatalogueState(
        here,
        vi.fn(async () => new Response("<html>", { status: 502 })),
      ),
    ).toEqual({
      kind: "failed",
    });
    expect(
      await loadCatalogueState(
        here,
        vi.fn(async () => {
          throw new TypeError("offline");
        }),
      ),
    ).toEqual({ kind: "failed" });
  });
});
