import { isCourseId } from "@/lib/courses/course-id";
import type { LearnerModuleState } from "@/lib/progress/get-learner-module-state";

/** What asking GET /api/progress/state came to, for a player whose page did not give the state. */
export type StateOutcome =
  | { kind: "ready"; state: LearnerModuleState }
  /** The page this browser must go to instead, as the module page itself would have sent it there. */
  | { kind: "redirect"; to: string }
  | { kind: "failed"; reason: "unavailable" | "stale" | "notFound" };

/**
 * Asks for the learner's state of `module`, for the step the URL names (?etape=), and says what
 * the player does with the answer: show it, go where the module page would have sent the learner
 * (sign-in, choosing an establishment, none), or say why not. Never throws.
 */
export async function loadModuleState(
  module: { id: string; version: number },
  location: { pathname: string; search: string },
  fetchState: typeof fetch = fetch,
): Promise<StateOutcome> {
  const query = new URLSearchParams({ module: module.id });
  const step = new URLSearchParams(location.search).get("etape");
  // A step id the route would refuse (400) is ignored, as the module page ignores an unknown one.
  if (step && isCourseId(step)) query.set("etape", step);
  const back = encodeURIComponent(`${location.pathname}${location.search}`);
  try {
    const response = await fetchState(`/api/progress/state?${query}`, { headers: { Accept: "application/json" } });
    if (response.status === 401) return { kind: "redirect", to: `/connexion?retour=${back}` };
    const body = (await response.json()) as LearnerModuleState | { code?: string };
    if (response.ok) {
      const state = body as LearnerModuleState;
      // Content of one version with the state of another would send events the server refuses.
      return state.moduleVersion === module.version ? { kind: "ready", state } : { kind: "failed", reason: "stale" };
    }
    const code = "code" in body ? body.code : undefined;
    if (code === "establishment_not_chosen") return { kind: "redirect", to: `/choisir-etablissement?retour=${back}` };
    if (code === "forbidden") return { kind: "redirect", to: "/sans-etablissement" };
    if (code === "not_found") return { kind: "failed", reason: "notFound" };
  } catch {
    // The network or a body that is not JSON: as a server that cannot answer now.
  }

  return { kind: "failed", reason: "unavailable" };
}
