import type { Catalogue } from "@/lib/courses/types";
import { AppError } from "@/lib/errors";
import { type ScormPackage, buildModulePackage, buildPathPackage } from "./build-package";

// Content ships with the build: a package is built once per process and content version.
const built = new Map<string, ScormPackage>();

/** The SCORM 1.2 package of a module of the catalogue; not_found for an unknown id. */
export function getModulePackage(catalogue: Catalogue, moduleId: string): ScormPackage {
  const module = catalogue.moduleById.get(moduleId);
  if (!module) throw new AppError("not_found", `no module ${moduleId}`);

  return cached(`module:${module.id}:${module.contentHash}`, () => buildModulePackage(module));
}

/** The SCORM 1.2 package of a path (one SCO per module); not_found for an unknown id. */
export function getPathPackage(catalogue: Catalogue, pathId: string): ScormPackage {
  const learningPath = catalogue.pathById.get(pathId);
  if (!learningPath) throw new AppError("not_found", `no path ${pathId}`);
  const modules = learningPath.moduleIds.map((id) => catalogue.moduleById.get(id)!);
  const key = `path:${learningPath.id}:${learningPath.contentHash}:${modules.map((m) => m.contentHash).join(":")}`;

  return cached(key, () => buildPathPackage(learningPath, modules));
}

function cached(key: string, build: () => ScormPackage): ScormPackage {
  const existing = built.get(key);
  if (existing) return existing;
  const made = build();
  built.set(key, made);

  return made;
}
