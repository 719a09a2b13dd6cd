import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentIssue } from "./content-error";
import { type Parsed, checkWith, parseYamlWith, splitFrontMatter } from "./parse-files";
import { type StepReading, estimateMinutes, lessonReading, quizReading, scenarioReading } from "./estimate-duration";
import { frenchTypography as typo } from "@/lib/i18n/french-typography";
import { renderMarkdown } from "./render-markdown";
import {
  lessonFrontMatterSchema,
  moduleManifestSchema,
  quizSchema,
  recapFrontMatterSchema,
  scenarioSchema,
} from "./schema";
import type { CourseModule, Step } from "./types";

/** Loads one module folder (module.yaml and its step files), reporting every problem found. */
export function loadModule(rootDir: string, folderName: string): Parsed<CourseModule> {
  const folder = path.join(rootDir, "modules", folderName);
  const manifestFile = relative(rootDir, path.join(folder, "module.yaml"));
  if (!existsSync(path.join(folder, "module.yaml"))) {
    return { ok: false, issues: [{ file: manifestFile, field: "", reason: "is missing" }] };
  }
  const manifestSource = readFileSync(path.join(folder, "module.yaml"), "utf8");
  const manifest = parseYamlWith(manifestFile, manifestSource, moduleManifestSchema);
  if (!manifest.ok) return manifest;
  if (manifest.value.id !== folderName) {
    return { ok: false, issues: [{ file: manifestFile, field: "id", reason: `must equal the folder name "${folderName}"` }] };
  }

  const hash = createHash("sha256").update(manifestSource);
  const issues: ContentIssue[] = [];
  const steps: Step[] = [];
  const stepFiles: string[] = [];
  const reading: StepReading = { words: 0, decisions: 0 };
  const seenIds = new Set<string>();
  manifest.value.steps.forEach((fileName, index) => {
    const file = relative(rootDir, path.join(folder, fileName));
    if (!existsSync(path.join(folder, fileName))) {
      issues.push({ file: manifestFile, field: `steps.${index}`, reason: `file ${fileName} does not exist` });
      return;
    }
    const source = readFileSync(path.join(folder, fileName), "utf8");
    hash.update(`\0${fileName}\0${source}`);
    const id = fileName.replace(/^\d{2}-/, "").replace(/\.(md|yaml)$/, "");
    if (seenIds.has(id)) issues.push({ file: manifestFile, field: `steps.${index}`, reason: `step id "${id}" is used twice` });
    seenIds.add(id);

    const loaded = fileName.endsWith(".md") ? loadMarkdownStep(file, id, source, folder) : loadYamlStep(file, id, source);
    if (!loaded.ok) return issues.push(...loaded.issues);
    steps.push(loaded.value.step);
    stepFiles.push(file);
    reading.words += loaded.value.reading.words;
    reading.decisions += loaded.value.reading.decisions;
  });
  if (steps.filter((step) => step.kind === "quiz").length > 1) {
    issues.push({ file: manifestFile, field: "steps", reason: "a module has at most one quiz (it decides completion)" });
  }
  if (issues.length > 0) return { ok: false, issues };

  const { steps: _files, ...meta } = manifest.value;
  const estimatedMinutes = estimateMinutes(reading);

  return {
    ok: true,
    value: {
      ...meta,
      durationMinutes: Math.max(1, Math.round(estimatedMinutes)),
      estimatedMinutes,
      readingWords: Math.round(reading.words),
      decisions: reading.decisions,
      steps,
      stepFiles,
      contentHash: hash.digest("hex"),
      folder,
    },
  };
}

type LoadedStep = Parsed<{ step: Step; reading: StepReading }>;

function loadMarkdownStep(file: string, id: string, source: string, folder: string): LoadedStep {
  const split = splitFrontMatter(file, source);
  if (!split.ok) return split;
  const { data, body } = split.value;
  if (!body) return { ok: false, issues: [{ file, field: "", reason: "has no text after its front matter" }] };
  const kind = (data as { kind?: unknown } | null)?.kind;

  if (kind === "recap") {
    const front = checkWith(file, data, recapFrontMatterSchema);
    if (!front.ok) return front;
    return { ok: true, value: { step: { id, kind, title: typo(front.value.title), html: renderMarkdown(body) }, reading: lessonReading(front.value.title, body) } };
  }
  const front = checkWith(file, data, lessonFrontMatterSchema);
  if (!front.ok) return front;
  const { illustration, title } = front.value;
  if (illustration && !existsSync(path.join(folder, illustration.file))) {
    return { ok: false, issues: [{ file, field: "illustration.file", reason: `file ${illustration.file} does not exist` }] };
  }

  return {
    ok: true,
    value: { step: { id, kind: "lesson", title: typo(title), html: renderMarkdown(body), illustration }, reading: lessonReading(title, body) },
  };
}

function loadYamlStep(file: string, id: string, source: string): LoadedStep {
  const kind = /^kind:\s*(\w+)/m.exec(source)?.[1];
  if (kind === "quiz") {
    const quiz = parseYamlWith(file, source, quizSchema);
    if (!quiz.ok) return quiz;
    const { title, intro, pass_mark: passMark, questions: entries } = quiz.value;
    const objectives = entries.map((entry) => ("variants" in entry ? { id: entry.objective, variants: entry.variants } : { id: entry.id, variants: [entry] }));
    const step: Step = {
      id,
      kind: "quiz",
      title: typo(title),
      introHtml: intro ? renderMarkdown(intro) : undefined,
      passMark,
      questions: objectives.flatMap((objective) =>
        objective.variants.map((question) => ({
          id: question.id,
          objectiveId: objective.id,
          prompt: typo(question.prompt),
          multiple: question.choices.filter((choice) => choice.correct).length > 1,
          choices: question.choices.map((choice) => ({ ...choice, text: typo(choice.text) })),
          explanationHtml: renderMarkdown(question.explanation),
        })),
      ),
      objectives: objectives.map((objective) => ({ id: objective.id, questionIds: objective.variants.map((q) => q.id) })),
    };
    return { ok: true, value: { step, reading: quizReading({ title, intro, objectives: objectives.map((objective) => objective.variants) }) } };
  }

  const scenario = parseYamlWith(file, source, scenarioSchema);
  if (!scenario.ok) return scenario;
  const { title, situation, question, choices } = scenario.value;
  const step: Step = {
    id,
    kind: "scenario",
    title: typo(title),
    situationHtml: renderMarkdown(situation),
    question: typo(question),
    choices: choices.map(({ feedback, ...choice }) => ({ ...choice, text: typo(choice.text), feedbackHtml: renderMarkdown(feedback) })),
  };

  return { ok: true, value: { step, reading: scenarioReading(scenario.value) } };
}

function relative(rootDir: string, file: string): string {
  return path.relative(path.dirname(rootDir), file).split(path.sep).join("/");
}
