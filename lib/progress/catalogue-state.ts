import type { Viewer } from "@/lib/auth/viewer";
import type { LearnerAssignment } from "@/lib/assignments/list-learner-assignments";
import type { CatalogueView, PathNext } from "./catalogue-view";
import type { ModuleState } from "./queries";

/**
 * The learner's part of the catalogue (buildCatalogueView's per-learner fields and
 * listLearnerAssignments), without the modules' and paths' texts, which the prerendered
 * catalogue shell already holds (docs/prerendered-module-shell.md).
 */
export type CatalogueState = {
  /** Each module's state, by module id. */
  modules: Record<string, ModuleState>;
  /** Each path's count of modules done and where its button leads, by path id. */
  paths: Record<string, { done: number; next: PathNext }>;
  assigned: LearnerAssignment[];
};

/**
 * GET /api/progress/catalogue's answer: the learner's part of the catalogue, and what the shell
 * draws around it once it knows who is there (the header, the demo banner, the managers' SCORM links).
 */
export type CatalogueStateAnswer = CatalogueState & { viewer: Viewer; isDemo: boolean };

/** The per-learner fields of a learner's catalogue view (buildCatalogueView), by id. */
export function catalogueStateOf(view: CatalogueView, assigned: LearnerAssignment[]): CatalogueState {
  const modules: CatalogueState["modules"] = {};
  for (const module of [...view.paths.flatMap((path) => path.modules), ...view.otherModules])
    modules[module.id] = module.state;
  const paths: CatalogueState["paths"] = {};
  for (const path of view.paths) paths[path.id] = { done: path.done, next: path.next };

  return { modules, paths, assigned };
}

/**
 * The learner's catalogue view again, from the shell's view (everyone's: every module to do) and
 * the state route's answer: what the page rendered per request shows. A module or path the answer
 * does not name (none should) keeps the shell's values.
 */
export function withCatalogueState(view: CatalogueView, state: CatalogueState): CatalogueView {
  const card = <T extends { id: string; state: ModuleState }>(module: T): T => ({
    ...module,
    state: state.modules[module.id] ?? module.state,
  });

  return {
    paths: view.paths.map((path) => ({ ...path, ...state.paths[path.id], modules: path.modules.map(card) })),
    otherModules: view.otherModules.map(card),
  };
}
