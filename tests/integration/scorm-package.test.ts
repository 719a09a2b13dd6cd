import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule } from "@/lib/courses/types";
import { buildModulePackage, buildPathPackage } from "@/lib/scorm/build-package";
import type { PlayerModule } from "@/lib/scorm/player-module";

const FIXTURE = path.join(process.cwd(), "tests/fixtures/courses");
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
  dir = undefined;
});

/** A copy of the fixture courses, with one file changed when asked. */
function courses(change?: { file: string; edit: (source: string) => string }): string {
  dir = path.join(mkdtempSync(path.join(tmpdir(), "vigie-scorm-")), "courses");
  cpSync(FIXTURE, dir, { recursive: true });
  if (change)
    writeFileSync(path.join(dir, change.file), change.edit(readFileSync(path.join(dir, change.file), "utf8")));

  return dir;
}

/** The module data the package's player reads (window.VIGIE_SCO in module.js). */
function packagedModule(files: Map<string, Uint8Array>, moduleId: string): PlayerModule {
  const source = new TextDecoder().decode(files.get(`${moduleId}/module.js`));

  return JSON.parse(source.replace(/^window\.VIGIE_SCO = /, "").replace(/;\n$/, "")) as PlayerModule;
}

function questionIds(module: CourseModule): string[] {
  return module.steps.flatMap((step) => (step.kind === "quiz" ? step.questions.map((question) => question.id) : []));
}

describe("SCORM package of a module version", () => {
  it("holds that version's steps, in order, with their rendered text, and every quiz variant", () => {
    const module = loadCatalogue(courses()).moduleById.get("pool-module")!;
    const packaged = packagedModule(buildModulePackage(module).files, module.id);

    expect(packaged.version).toBe(module.version);
    expect(packaged.steps.map((step) => [step.id, step.kind, step.title])).toEqual(
      module.steps.map((step) => [step.id, step.kind, step.title]),
    );
    expect(packaged.steps[0]).toEqual(module.steps[0]);
    const quiz = packaged.steps.find((step) => step.kind === "quiz")!;
    expect(quiz.kind === "quiz" && quiz.objectives.flatMap((o) => o.questions.map((q) => q.id))).toEqual(
      questionIds(module),
    );
  });

  it("gives a changed module a new package identifier, and the same content the same one", () => {
    const before = buildModulePackage(loadCatalogue(courses()).moduleById.get("demo-module")!);
    const again = buildModulePackage(loadCatalogue(dir!).moduleById.get("demo-module")!);
    const changed = buildModulePackage(
      loadCatalogue(
        courses({ file: "modules/demo-module/01-lecon.md", edit: (source) => `${source}\nUne phrase de plus.\n` }),
      ).moduleById.get("demo-module")!,
    );

    expect(again.identifier).toBe(before.identifier);
    expect(changed.identifier).not.toBe(before.identifier);
    expect(new TextDecoder().decode(changed.files.get("imsmanifest.xml"))).toContain(
      `identifier="${changed.identifier}"`,
    );
  });

  it("gives a path a new identifier when one of its modules changes", () => {
    const pathOf = (root: string) => {
      const catalogue = loadCatalogue(root);
      const learningPath = catalogue.pathById.get("demo-path")!;

      return buildPathPackage(
        learningPath,
        learningPath.moduleIds.map((id) => catalogue.moduleById.get(id)!),
      );
    };
    const before = pathOf(courses());
    const changed = pathOf(
      courses({ file: "modules/demo-module/04-a-retenir.md", edit: (source) => `${source}\n- Un point de plus.\n` }),
    );

    expect(changed.identifier).not.toBe(before.identifier);
  });
});
