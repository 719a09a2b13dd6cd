import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Catalogue } from "@/lib/courses/types";
import { type ScormPackage, buildModulePackage, buildPathPackage } from "./build-package";
import { checkPackage } from "./check-package";

/**
 * Writes the SCORM 1.2 packages of the modules named (every module when none is), and of every
 * path whose modules are all named, into `folder`, once each passes checkPackage; returns them.
 */
export function exportPackages(catalogue: Catalogue, folder: string, moduleIds: string[] = []): ScormPackage[] {
  const unknown = moduleIds.filter((id) => !catalogue.moduleById.has(id));
  if (unknown.length > 0) throw new Error(`Unknown module(s): ${unknown.join(", ")}`);
  const wanted = new Set(moduleIds.length > 0 ? moduleIds : catalogue.modules.map((module) => module.id));
  const modules = catalogue.modules.filter((module) => wanted.has(module.id));
  const paths = catalogue.paths.filter((learningPath) => learningPath.moduleIds.every((id) => wanted.has(id)));
  const packages = [
    ...modules.map(buildModulePackage),
    ...paths.map((learningPath) =>
      buildPathPackage(
        learningPath,
        learningPath.moduleIds.map((id) => catalogue.moduleById.get(id)!),
      ),
    ),
  ];

  // An LMS refuses a broken package with little explanation: refuse it here, with the reasons.
  for (const built of packages) {
    const problems = checkPackage(built.files);
    if (problems.length > 0) throw new Error(`${built.fileName}:\n  ${problems.join("\n  ")}`);
  }
  mkdirSync(folder, { recursive: true });
  for (const built of packages) writeFileSync(path.join(folder, built.fileName), built.zip);

  return packages;
}
