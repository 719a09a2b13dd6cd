import type { ModuleProgress } from "@/db/schema";
import type { Catalogue, CourseModule } from "@/lib/courses/types";
import { type ModuleState, moduleState } from "./queries";

export type ModuleCard = {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  durationMinutes: number;
  state: ModuleState;
  /** 1-based place in its path ("1 sur 5"), when it belongs to one. */
  position?: { index: number; total: number };
};

/**
 * Where the path's button leads: its first module not done yet, as a start when none of the
 * path's modules has any progress, else as a resume. Null once every module is done.
 */
export type PathNext = { moduleId: string; action: "start" | "resume" } | null;

export type PathView = {
  id: string;
  title: string;
  summary: string;
  done: number;
  total: number;
  modules: ModuleCard[];
  next: PathNext;
};

export type CatalogueView = { paths: PathView[]; otherModules: ModuleCard[] };

/** The catalogue as a learner sees it: paths with their modules in order, then the rest. */
export function buildCatalogueView(catalogue: Catalogue, progress: Map<string, ModuleProgress>): CatalogueView {
  const card = (module: CourseModule, position?: ModuleCard["position"]): ModuleCard => ({
    id: module.id,
    title: module.title,
    summary: module.summary,
    tags: module.tags,
    durationMinutes: module.durationMinutes,
    state: moduleState(progress.get(module.id)),
    ...(position ? { position } : {}),
  });
  const inPath = new Set<string>();
  const paths = catalogue.paths.map((path) => {
    const modules = path.moduleIds.map((id, index) => {
      inPath.add(id);
      return card(catalogue.moduleById.get(id)!, { index: index + 1, total: path.moduleIds.length });
    });
    const done = modules.filter((module) => module.state === "done").length;
    const first = modules.find((module) => module.state !== "done");
    const next: PathNext = first
      ? { moduleId: first.id, action: modules.every((module) => module.state === "todo") ? "start" : "resume" }
      : null;

    return { id: path.id, title: path.title, summary: path.summary, done, total: modules.length, modules, next };
  });

  return { paths, otherModules: catalogue.modules.filter((m) => !inPath.has(m.id)).map((m) => card(m)) };
}

/** Where a module sits for the player: its path, its place, and the module after it. */
export function modulePlace(catalogue: Catalogue, moduleId: string) {
  const path = catalogue.paths.find((p) => p.moduleIds.includes(moduleId));
  if (!path) return null;
  const index = path.moduleIds.indexOf(moduleId);
  const nextId = path.moduleIds[index + 1];
  const next = nextId ? catalogue.moduleById.get(nextId) : undefined;

  return {
    pathTitle: path.title,
    position: index + 1,
    total: path.moduleIds.length,
    next: next ? { id: next.id, title: next.title } : null,
  };
}
