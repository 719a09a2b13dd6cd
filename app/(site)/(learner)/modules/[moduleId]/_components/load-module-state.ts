import { secondFactorPath } from "@/lib/auth/second-factor-path";
import { isCourseId } from "@/lib/courses/course-id";
import type { ModuleStateAnswer } from "@/lib/progress/module-state-answer";

/** What asking GET /api/progress/state came to, for a player whose page did not give the state. */
export type StateOutcome =
  | { kind: "ready"; state: ModuleStateAnswer }
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
  const returnTo = `${location.pathname}${location.search}`;
  const back = encodeURIComponent(returnTo);
  try {
    const response = await fetchState(`/api/progress/state?${query}`, { headers: { Accept: "application/json" } });
    // A body that is not JSON (a proxy's error page) says nothing more than the status.
    const body = (await response.json().catch(() => null)) as ModuleStateAnswer | { code?: string } | null;
    const code = body && "code" in body ? body.code : undefined;
    // As the module page's requireLearner: a session that owes its second factor gives it first.
    if (code === "second_factor_required") return { kind: "redirect", to: secondFactorPath(returnTo) };
    if (response.status === 401) return { kind: "redirect", to: `/connexion?retour=${back}` };
    if (response.ok && body) {
      const state = body as ModuleStateAnswer;
      // Content of one version with the state of another would send events the server refuses.
      return state.moduleVersion === module.version ? { kind: "ready", state } : { kind: "failed", reason: "stale" };
    }
    if (code === "establishment_not_chosen") return { kind: "redirect", to: `/choisir-etablissement?retour=${back}` };
    if (code === "forbidden") return { kind: "redirect", to: "/sans-etablissement" };
    if (code === "not_found") return { kind: "failed", reason: "notFound" };
  } catch {
    // The network failed: as a server that cannot answer now.
  }

  return { kind: "failed", reason: "unavailable" };
}
