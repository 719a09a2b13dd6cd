import { z } from "zod";
import { COURSE_ID_PATTERN } from "./course-id";

/** Module, path, step, question and choice ids (course-id.ts). */
const slug = z
  .string()
  .regex(COURSE_ID_PATTERN, "must be lower-case letters, digits and single hyphens, at most 80 (e.g. cles-usb)");

const text = z.string().trim().min(1, "must not be empty");

export const moduleManifestSchema = z
  .object({
    id: slug,
    version: z.number().int().positive("must be a positive whole number"),
    title: text.max(120),
    summary: text.max(300),
    tags: z.array(text.max(30)).min(1, "needs at least one tag (e.g. SANTÉ)").max(5),
    steps: z
      .array(z.string().regex(/^\d{2}-[a-z0-9-]+\.(md|yaml)$/, "must be a file name such as 01-le-risque.md or 02-quiz.yaml"))
      .min(2, "a module needs at least two steps"),
  })
  .strict();

export const illustrationSchema = z
  .object({ file: z.string().regex(/^[a-z0-9-]+\.svg$/, "must be an .svg file in the module folder"), alt: text })
  .strict();

/** Front matter of a lesson step (Markdown file). */
export const lessonFrontMatterSchema = z
  .object({ kind: z.literal("lesson"), title: text.max(120), illustration: illustrationSchema.optional() })
  .strict();

/** Front matter of a recap step ("À retenir", Markdown file). */
export const recapFrontMatterSchema = z
  .object({ kind: z.literal("recap"), title: text.max(120) })
  .strict();

const scenarioChoiceSchema = z
  .object({ id: slug, text: text.max(400), correct: z.boolean(), feedback: text })
  .strict();

export const scenarioSchema = z
  .object({
    kind: z.literal("scenario"),
    title: text.max(120),
    situation: text,
    question: text.max(300),
    choices: z.array(scenarioChoiceSchema).min(2, "needs two to four choices").max(4, "needs two to four choices"),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    if (!scenario.choices.some((choice) => choice.correct)) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "needs at least one choice marked correct: true" });
    }
    reportDuplicateIds(scenario.choices, ["choices"], ctx);
  });

const quizChoiceSchema = z.object({ id: slug, text: text.max(400), correct: z.boolean() }).strict();

export const quizQuestionSchema = z
  .object({
    id: slug,
    prompt: text.max(500),
    choices: z.array(quizChoiceSchema).min(2, "needs two to six choices").max(6, "needs two to six choices"),
    explanation: text,
  })
  .strict()
  .superRefine((question, ctx) => {
    if (!question.choices.some((choice) => choice.correct)) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "needs at least one choice marked correct: true" });
    }
    reportDuplicateIds(question.choices, ["choices"], ctx);
  });

/** One objective of a quiz, asked through any of its variants: each attempt draws one. */
export const quizObjectiveSchema = z
  .object({ objective: slug, variants: z.array(quizQuestionSchema).min(3, "a pool needs at least three variants (see docs/writing-a-course.md)").max(8) })
  .strict()
  .superRefine((objective, ctx) => reportDuplicateIds(objective.variants, ["variants"], ctx));

export const quizSchema = z
  .object({
    kind: z.literal("quiz"),
    title: text.max(120),
    intro: text.optional(),
    /** Percentage of questions to answer exactly right to pass. */
    pass_mark: z.number().int().min(1).max(100),
    /** A question is an objective with one variant; `objective` + `variants` is a pool. */
    questions: z.array(z.union([quizQuestionSchema, quizObjectiveSchema])).min(1, "needs at least one question").max(20),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    // Question ids are unique across the whole quiz (every variant), objective ids too: a graded
    // answer names its question alone.
    const ids = quiz.questions.flatMap((entry) => ("variants" in entry ? entry.variants : [entry]));
    reportDuplicateIds(ids, ["questions"], ctx);
    reportDuplicateIds(quiz.questions.map((entry) => ({ id: "variants" in entry ? entry.objective : entry.id })), ["questions"], ctx);
  });

export const pathManifestSchema = z
  .object({
    id: slug,
    version: z.number().int().positive(),
    title: text.max(120),
    summary: text.max(400),
    tags: z.array(text.max(30)).min(1).max(5),
    modules: z.array(slug).min(1, "a path needs at least one module"),
  })
  .strict()
  .superRefine((path, ctx) => {
    const seen = new Set<string>();
    path.modules.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["modules", index], message: `module "${id}" is listed twice` });
      seen.add(id);
    });
  });

function reportDuplicateIds(items: { id: string }[], at: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [...at, index, "id"], message: `id "${item.id}" is used twice` });
    seen.add(item.id);
  });
}

export type ModuleManifest = z.infer<typeof moduleManifestSchema>;
export type PathManifest = z.infer<typeof pathManifestSchema>;
export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type QuizFile = z.infer<typeof quizSchema>;
