import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkCourseRules, longestRightCount } from "@/lib/courses/check-rules";
import { formatIssue } from "@/lib/courses/content-error";
import { estimateMinutes, quizReading, scenarioReading } from "@/lib/courses/estimate-duration";
import { loadCatalogue } from "@/lib/courses/load-catalogue";

// A small module that meets every rule; each test breaks one (docs/writing-a-course.md).
const FIXTURE = path.join(process.cwd(), "tests/fixtures/courses/rules");
const QUIZ = "modules/module-regle/03-quiz.yaml";
let dir: string | undefined;

function coursesWith(file: string, change: (source: string) => string): string {
  dir = path.join(mkdtempSync(path.join(tmpdir(), "vigie-rules-")), "courses");
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));

  return dir;
}

const problems = (root: string) => checkCourseRules(loadCatalogue(root)).map(formatIssue);

afterEach(() => {
  if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
  dir = undefined;
});

describe("courses:check rules", () => {
  it("accept the fixture module", () => {
    expect(problems(FIXTURE)).toEqual([]);
  });

  it("refuse a module where the right answer is the longest choice in more than 40 % of single-answer questions, naming them", () => {
    // Two of the three single-answer questions (the scenario, cle-a, cle-b) now give the answer by length.
    const root = coursesWith(QUIZ, (s) =>
      s
        .replace("Je la fais contrôler.", "Je la fais contrôler par le service informatique avant tout usage.")
        .replace("Je la confie à l'informatique.", "Je la confie au service informatique sans la brancher."),
    );

    expect(longestRightCount(loadCatalogue(root).moduleById.get("module-regle")!)).toEqual({
      longest: ["cle-a", "cle-b"],
      total: 3,
    });
    expect(problems(root)).toEqual([
      'courses/modules/module-regle/module.yaml: steps: module "module-regle": the right answer is the longest choice in 2 of 3 single-answer questions (67 %, more than 40 %): cle-a, cle-b; shorten the right answers or write fuller wrong ones',
    ]);
  });

  it("count a tie between the right answer and a wrong one as no giveaway", () => {
    const longer = coursesWith(QUIZ, (s) =>
      s.replace("Je la fais contrôler.", "Je la fais contrôler par l'informatique tout de suite."),
    );
    expect(longestRightCount(loadCatalogue(longer).moduleById.get("module-regle")!).longest).toEqual(["cle-a"]);
    rmSync(path.dirname(longer), { recursive: true, force: true });

    // 40 characters each: the right answer is as long as the longest wrong one.
    const root = coursesWith(QUIZ, (s) =>
      s
        .replace("Je la fais contrôler.", "Je la fais contrôler par l'informatique.")
        .replace('"Je la branche, elle est neuve et encore emballée."', '"Je la branche : elle est neuve, emballée"'),
    );
    expect(longestRightCount(loadCatalogue(root).moduleById.get("module-regle")!).longest).toEqual([]);
  });

  it("refuse a multiple-answer question with fewer than two wrong choices", () => {
    const root = coursesWith(QUIZ, (s) =>
      s.replace("          - { id: neuve, text: Aucune clé neuve encore emballée., correct: false }\n", ""),
    );

    expect(problems(root)).toEqual([
      'courses/modules/module-regle/03-quiz.yaml: questions: question "cle-c" has several right answers but 1 wrong choice(s): it needs at least 2, or ticking all but the odd one out passes',
    ]);
  });

  it("refuse an objective with fewer than three variants, a plain question included", () => {
    const root = coursesWith(
      QUIZ,
      (s) =>
        `${s}  - id: seule\n    prompt: Une question seule ?\n    choices:\n      - { id: a, text: Oui, correct: true }\n      - { id: b, text: Non, correct: false }\n      - { id: c, text: Peut-être, correct: false }\n    explanation: Parce que.\n`,
    );

    expect(problems(root)).toEqual([
      'courses/modules/module-regle/03-quiz.yaml: questions: objective "seule" has 1 variant(s), needs at least 3',
    ]);
  });

  it("refuse a module that takes more than 8 minutes to read and answer", () => {
    const root = coursesWith(
      "modules/module-regle/01-lecon.md",
      (s) => `${s}\n${"Une phrase de dix mots pour allonger la leçon sans fin. ".repeat(135)}\n`,
    );
    const [issue] = problems(root);

    expect(issue).toMatch(
      /^courses\/modules\/module-regle\/module\.yaml: steps: module "module-regle" takes 8\.\d min \(\d+ words, 2 decisions\), more than 8: cut the lessons$/,
    );
  });
});

describe("the time a module takes", () => {
  it("counts 200 words a minute plus 10 seconds a decision", () => {
    expect(estimateMinutes({ words: 400, decisions: 6 })).toBe(3);
  });

  it("counts a scenario's title, situation, question, every choice and the average feedback", () => {
    const reading = scenarioReading({
      title: "Deux mots",
      situation: "Trois mots ici",
      question: "Quoi ?",
      choices: [
        { text: "Un choix", feedback: "Deux mots" },
        { text: "Autre choix", feedback: "Quatre mots de plus" },
      ],
    });

    expect(reading).toEqual({ words: 2 + 3 + 1 + 2 + 2 + 3, decisions: 1 });
  });

  it("counts one drawn variant per objective, as the average of its variants, with the prompt, choices and explanation", () => {
    const variant = (words: number) => ({
      prompt: "mot ".repeat(words),
      choices: [{ text: "oui" }, { text: "non" }],
      explanation: "Parce que.",
    });
    const reading = quizReading({
      title: "Le quiz",
      intro: "Trois mots ici.",
      objectives: [[variant(10), variant(20)], [variant(4)]],
    });

    expect(reading).toEqual({ words: 2 + 3 + (15 + 4) + (4 + 4), decisions: 2 });
  });

  it("is what the catalogue shows, rounded to the minute", () => {
    const module = loadCatalogue(FIXTURE).moduleById.get("module-regle")!;

    expect(module.decisions).toBe(2);
    expect(module.estimatedMinutes).toBeCloseTo(module.readingWords / 200 + 20 / 60, 1);
    expect(module.durationMinutes).toBe(Math.max(1, Math.round(module.estimatedMinutes)));
  });
});

describe("the real courses", () => {
  const catalogue = loadCatalogue();

  it("meet every rule", () => {
    expect(checkCourseRules(catalogue).map(formatIssue)).toEqual([]);
  });

  it.each(catalogue.modules.map((module) => [module.id, module] as const))(
    "%s takes about 7 minutes (6 to 8)",
    (_id, module) => {
      expect(module.estimatedMinutes).toBeGreaterThanOrEqual(6);
      expect(module.estimatedMinutes).toBeLessThanOrEqual(8);
    },
  );
});
