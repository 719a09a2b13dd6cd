import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CourseContentError, type ContentIssue } from "./content-error";
import { loadModule } from "./load-module";
import { parseYamlWith } from "./parse-files";
import { pathManifestSchema } from "./schema";
import type { Catalogue, CourseModule, LearningPath } from "./types";

export const DEFAULT_COURSES_DIR = path.join(process.cwd(), "courses");

/**
 * Loads and checks every module and path under a courses folder. Throws a
 * CourseContentError listing every problem (file, field, reason) when anything is wrong.
 */
export function loadCatalogue(rootDir: string = DEFAULT_COURSES_DIR): Catalogue {
  const issues: ContentIssue[] = [];
  const modules: CourseModule[] = [];
  for (const folder of listEntries(path.join(rootDir, "modules"), "directory")) {
    const loaded = loadModule(rootDir, folder);
    if (loaded.ok) modules.push(loaded.value);
    else issues.push(...loaded.issues);
  }

  const moduleById = new Map(modules.map((module) => [module.id, module]));
  const paths: LearningPath[] = [];
  for (const fileName of listEntries(path.join(rootDir, "paths"), "file").filter((name) => name.endsWith(".yaml"))) {
    const file = `courses/paths/${fileName}`;
    const source = readFileSync(path.join(rootDir, "paths", fileName), "utf8");
    const parsed = parseYamlWith(file, source, pathManifestSchema);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const { modules: moduleIds, ...meta } = parsed.value;
    if (`${meta.id}.yaml` !== fileName) issues.push({ file, field: "id", reason: `must equal the file name "${fileName.slice(0, -5)}"` });
    moduleIds.forEach((id, index) => {
      if (!moduleById.has(id)) issues.push({ file, field: `modules.${index}`, reason: `no module "${id}" in courses/modules` });
    });
    paths.push({ ...meta, moduleIds, contentHash: createHash("sha256").update(source).digest("hex") });
  }
  if (issues.length > 0) throw new CourseContentError(issues);

  const order = new Map(paths.flatMap((p) => p.moduleIds).map((id, index) => [id, index]));
  modules.sort(
    (a, b) =>
      (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
      a.title.localeCompare(b.title, "fr"),
  );

  return { modules, paths, moduleById, pathById: new Map(paths.map((p) => [p.id, p])) };
}

function listEntries(dir: string, type: "file" | "directory"): string[] {
  if (!existsSync(dir)) return [];

  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => (type === "file" ? entry.isFile() : entry.isDirectory()))
    .map((entry) => entry.name)
    .sort();
}
