import { secondFactorPath } from "@/lib/auth/second-factor-path";
import type { CatalogueStateAnswer } from "@/lib/progress/catalogue-state";

/** What asking GET /api/progress/catalogue came to, for the catalogue's prerendered shell. */
export type CatalogueOutcome =
  | { kind: "ready"; state: CatalogueStateAnswer }
  /** The page this browser must go to instead, as the catalogue rendered per request would have sent it there. */
  | { kind: "redirect"; to: string }
  | { kind: "failed" };

/**
 * Asks for the learner's catalogue state and says what the shell does with the answer: show it,
 * go where the catalogue page would have sent the learner (sign-in, the second factor, choosing
 * an establishment, none), or say that it failed. Never throws. The same rules as the module
 * player's loadModuleState.
 */
export async function loadCatalogueState(
  location: { pathname: string; search: string },
  fetchState: typeof fetch = fetch,
): Promise<CatalogueOutcome> {
  const returnTo = `${location.pathname}${location.search}`;
  const back = encodeURIComponent(returnTo);
  try {
    const response = await fetchState("/api/progress/catalogue", { headers: { Accept: "application/json" } });
    // A body that is not JSON (a proxy's error page) says nothing more than the status.
    const body = (await response.json().catch(() => null)) as CatalogueStateAnswer | { code?: string } | null;
    const code = body && "code" in body ? body.code : undefined;
    if (code === "second_factor_required") return { kind: "redirect", to: secondFactorPath(returnTo) };
    if (response.status === 401) return { kind: "redirect", to: `/connexion?retour=${back}` };
    if (response.ok && body) return { kind: "ready", state: body as CatalogueStateAnswer };
    if (code === "establishment_not_chosen") return { kind: "redirect", to: `/choisir-etablissement?retour=${back}` };
    if (code === "forbidden") return { kind: "redirect", to: "/sans-etablissement" };
  } catch {
    // The network failed: as a server that cannot answer now.
  }

  return { kind: "failed" };
}
