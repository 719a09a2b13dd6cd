import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import type { CourseModule, LearningPath } from "@/lib/courses/types";
import { type ManifestSco, buildManifest } from "./build-manifest";
import { launchPage, playerAssets } from "./player-assets";
import { toPlayerModule } from "./player-module";

export type ScormPackage = {
  /** The manifest's identifier: changes whenever a module's content does (its content hash). */
  identifier: string;
  fileName: string;
  /** Every file of the package by its path inside the ZIP, imsmanifest.xml included. */
  files: Map<string, Uint8Array>;
  zip: Uint8Array;
};

// A fixed date in every entry: the same content gives the same bytes.
const ENTRY_DATE = new Date("2026-01-01T00:00:00Z");

/** The SCORM 1.2 package of one module: one SCO, its mastery score the quiz's pass mark. */
export function buildModulePackage(module: CourseModule): ScormPackage {
  const identifier = `vigie-${module.id}-v${module.version}-${module.contentHash.slice(0, 12)}`;

  return assemble({
    identifier,
    fileName: `vigie-${module.id}-v${module.version}-scorm12.zip`,
    version: module.version,
    title: module.title,
    description: module.summary,
    modules: [module],
  });
}

/** The SCORM 1.2 package of a path: one SCO per module, in the path's order, one player for all. */
export function buildPathPackage(learningPath: LearningPath, modules: CourseModule[]): ScormPackage {
  const hash = createHash("sha256").update(learningPath.contentHash);
  for (const module of modules) hash.update(`\0${module.id}\0${module.contentHash}`);
  const identifier = `vigie-parcours-${learningPath.id}-v${learningPath.version}-${hash.digest("hex").slice(0, 12)}`;

  return assemble({
    identifier,
    fileName: `vigie-parcours-${learningPath.id}-v${learningPath.version}-scorm12.zip`,
    version: learningPath.version,
    title: learningPath.title,
    description: learningPath.summary,
    modules,
  });
}

type AssembleOptions = {
  identifier: string;
  fileName: string;
  version: number;
  title: string;
  description: string;
  modules: CourseModule[];
};

function assemble(options: AssembleOptions): ScormPackage {
  const files = new Map<string, Uint8Array>();
  const encode = (text: string) => new TextEncoder().encode(text);
  const scos: ManifestSco[] = options.modules.map((module) => {
    const own = moduleFiles(module, options.identifier);
    own.forEach((bytes, file) => files.set(file, bytes));
    const quiz = module.steps.find((step) => step.kind === "quiz");

    return {
      id: module.id,
      title: module.title,
      href: `${module.id}/index.html`,
      masteryScore: quiz?.passMark,
      files: [...own.keys()],
    };
  });
  const shared = playerAssets();
  shared.forEach((bytes, file) => files.set(file, bytes));
  const manifest = buildManifest({ ...options, scos, sharedFiles: [...shared.keys()] });
  files.set("imsmanifest.xml", encode(manifest));

  const zippable: Zippable = {};
  files.forEach((bytes, file) => (zippable[file] = [bytes, { level: 9, mtime: ENTRY_DATE }]));

  return { identifier: options.identifier, fileName: options.fileName, files, zip: zipSync(zippable) };
}

function moduleFiles(module: CourseModule, packageId: string): Map<string, Uint8Array> {
  const data = JSON.stringify(toPlayerModule(module, packageId));
  const files = new Map<string, Uint8Array>([
    [`${module.id}/index.html`, new TextEncoder().encode(launchPage(module.title))],
    [`${module.id}/module.js`, new TextEncoder().encode(`window.VIGIE_SCO = ${data};\n`)],
  ]);
  for (const step of module.steps) {
    if (step.kind === "lesson" && step.illustration) {
      files.set(
        `${module.id}/${step.illustration.file}`,
        new Uint8Array(readFileSync(path.join(module.folder, step.illustration.file))),
      );
    }
  }

  return files;
}
