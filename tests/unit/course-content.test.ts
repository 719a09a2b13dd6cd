import { writeFileSync } from "node:fs";
import path from "node:path";
import { contentCopies, contentProblems } from "../support/content-copies";
import { describe, expect, it } from "vitest";
import { checkVersions, readVersionLock, writeVersionLock } from "@/lib/courses/check-versions";
import { formatIssue } from "@/lib/courses/content-error";
import { loadCatalogue } from "@/lib/courses/load-catalogue";

const FIXTURE = path.join(process.cwd(), "tests/fixtures/courses");
/** A copy of the fixture courses with one file changed. */
const coursesWith = contentCopies(FIXTURE);
const problems = (root: string) => contentProblems(loadCatalogue, root);

describe("loadCatalogue", () => {
  it("loads a valid folder, with Markdown rendered and raw HTML escaped", () => {
    const catalogue = loadCatalogue(FIXTURE);
    const lesson = catalogue.moduleById.get("demo-module")!.steps[0]!;

    expect(lesson.kind).toBe("lesson");
    expect(lesson.kind === "lesson" && lesson.html).toContain("<strong>du gras</strong>");
    expect(lesson.kind === "lesson" && lesson.html).toContain("&lt;script&gt;");
    expect(lesson.kind === "lesson" && lesson.html).not.toContain("<script>");
    expect(lesson.kind === "lesson" && lesson.illustration).toEqual({
      file: "poste-verrouille.svg",
      alt: "Un poste de travail verrouillé",
    });
  });

  it.each([
    [
      "a missing field",
      "modules/demo-module/module.yaml",
      (s: string) => s.replace(/^title:.*\n/m, ""),
      "courses/modules/demo-module/module.yaml: title: is required",
    ],
    [
      "a field of the wrong type",
      "modules/demo-module/module.yaml",
      (s: string) => s.replace("version: 1", "version: un"),
      "courses/modules/demo-module/module.yaml: version: ",
    ],
    [
      "an unknown field",
      "modules/demo-module/module.yaml",
      (s: string) => `${s}auteur: moi\n`,
      "courses/modules/demo-module/module.yaml: (root): unknown field(s): auteur",
    ],
    [
      "broken YAML",
      "modules/demo-module/02-situation.yaml",
      (s: string) => `${s}\n  - : [`,
      "courses/modules/demo-module/02-situation.yaml: invalid YAML",
    ],
    [
      "a quiz question with no right answer",
      "modules/demo-module/03-quiz.yaml",
      (s: string) => s.replace("{ id: a, text: Oui, correct: true }", "{ id: a, text: Oui, correct: false }"),
      "courses/modules/demo-module/03-quiz.yaml: questions.0.choices: needs at least one choice marked correct: true",
    ],
    [
      "a duplicated choice id",
      "modules/demo-module/02-situation.yaml",
      (s: string) => s.replace("id: remettre", "id: brancher"),
      'courses/modules/demo-module/02-situation.yaml: choices.1.id: id "brancher" is used twice',
    ],
    [
      "a scenario with one choice",
      "modules/demo-module/02-situation.yaml",
      (s: string) => s.slice(0, s.indexOf("  - id: remettre")),
      "courses/modules/demo-module/02-situation.yaml: choices: needs two to four choices",
    ],
    [
      "a step file that does not exist",
      "modules/demo-module/module.yaml",
      (s: string) => s.replace("04-a-retenir.md", "04-absent.md"),
      "courses/modules/demo-module/module.yaml: steps.3: file 04-absent.md does not exist",
    ],
    [
      "a lesson without front matter",
      "modules/demo-module/01-lecon.md",
      (s: string) => s.replace(/^---[\s\S]*?---\n/, ""),
      "courses/modules/demo-module/01-lecon.md: must start with front matter",
    ],
    [
      "an illustration that does not exist",
      "modules/demo-module/01-lecon.md",
      (s: string) => s.replace("poste-verrouille.svg", "absente.svg"),
      "courses/modules/demo-module/01-lecon.md: illustration.file: file absente.svg does not exist",
    ],
    [
      "an illustration that is not SVG",
      "modules/demo-module/01-lecon.md",
      (s: string) => s.replace("poste-verrouille.svg", "photo.png"),
      "courses/modules/demo-module/01-lecon.md: illustration.file: must be an .svg file in the module folder",
    ],
    [
      "an id that is not the folder name",
      "modules/demo-module/module.yaml",
      (s: string) => s.replace("id: demo-module", "id: autre-module"),
      'courses/modules/demo-module/module.yaml: id: must equal the folder name "demo-module"',
    ],
    [
      "a path naming an unknown module",
      "paths/demo-path.yaml",
      (s: string) => s.replace("modules: [demo-module]", "modules: [demo-module, fantome]"),
      'courses/paths/demo-path.yaml: modules.1: no module "fantome" in courses/modules',
    ],
  ])("reports %s with the file, the field and the reason", (_name, file, change, expected) => {
    const found = problems(coursesWith(file, change));

    expect(
      found.some((line) => line.startsWith(expected)),
      `got:\n${found.join("\n")}`,
    ).toBe(true);
  });
});

describe("checkVersions", () => {
  it("accepts content recorded in the lock file", () => {
    const root = coursesWith("modules/demo-module/module.yaml", (s) => s);
    writeVersionLock(root, loadCatalogue(root));

    expect(checkVersions(loadCatalogue(root), readVersionLock(root))).toEqual([]);
  });

  it("refuses content changed under the same version, and asks for the next one", () => {
    const root = coursesWith("modules/demo-module/module.yaml", (s) => s);
    writeVersionLock(root, loadCatalogue(root));
    writeFileSync(
      path.join(root, "modules/demo-module/01-lecon.md"),
      "---\nkind: lesson\ntitle: Une leçon\n---\nUn autre texte.\n",
    );

    expect(checkVersions(loadCatalogue(root), readVersionLock(root)).map(formatIssue)).toEqual([
      "courses/modules/demo-module/module.yaml: version: content changed but version is still 1: raise it to 2, then run npm run courses:lock",
    ]);
  });

  it("keeps the real courses in step with courses/versions.lock.json", () => {
    const root = path.join(process.cwd(), "courses");

    expect(checkVersions(loadCatalogue(root), readVersionLock(root)).map(formatIssue)).toEqual([]);
  });
});
