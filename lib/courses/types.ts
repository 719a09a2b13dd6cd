/** A course, as loaded and checked from courses/. HTML fields come from Markdown without raw HTML. */
export type Illustration = { file: string; alt: string };

export type LessonStep = { id: string; kind: "lesson"; title: string; html: string; illustration?: Illustration };

export type RecapStep = { id: string; kind: "recap"; title: string; html: string };

export type ScenarioChoice = { id: string; text: string; correct: boolean; feedbackHtml: string };

export type ScenarioStep = {
  id: string;
  kind: "scenario";
  title: string;
  situationHtml: string;
  question: string;
  choices: ScenarioChoice[];
};

export type QuizChoice = { id: string; text: string; correct: boolean };

export type QuizQuestion = {
  id: string;
  /** The objective this question is a variant of (its own id when it has no variants). */
  objectiveId: string;
  prompt: string;
  /** True when more than one choice is right: the player shows checkboxes. */
  multiple: boolean;
  choices: QuizChoice[];
  explanationHtml: string;
};

export type QuizStep = {
  id: string;
  kind: "quiz";
  title: string;
  introHtml?: string;
  passMark: number;
  /** Every question of every objective (all variants), for lookups by question id. */
  questions: QuizQuestion[];
  /** What an attempt asks: one variant of each objective, in this order. */
  objectives: { id: string; questionIds: string[] }[];
};

export type Step = LessonStep | RecapStep | ScenarioStep | QuizStep;
export type StepKind = Step["kind"];

export type CourseModule = {
  id: string;
  version: number;
  title: string;
  summary: string;
  tags: string[];
  /** Computed from what a learner reads (lib/courses/estimate-duration.ts), rounded: "Durée : 7 min". */
  durationMinutes: number;
  /** The same, unrounded, for courses:check. */
  estimatedMinutes: number;
  /** Words a learner reads in one pass: lessons, scenarios and their feedback, one drawn quiz, recap. */
  readingWords: number;
  /** Scenarios plus quiz objectives: the choices a learner makes. */
  decisions: number;
  steps: Step[];
  /** The file of each step, in the same order (for check messages). */
  stepFiles: string[];
  /** sha-256 of the module's files, to catch content changed without a new version. */
  contentHash: string;
  folder: string;
};

export type LearningPath = {
  id: string;
  version: number;
  title: string;
  summary: string;
  tags: string[];
  moduleIds: string[];
  contentHash: string;
};

export type Catalogue = {
  /** Modules in a stable order: path order first, then the others by title. */
  modules: CourseModule[];
  paths: LearningPath[];
  moduleById: Map<string, CourseModule>;
  pathById: Map<string, LearningPath>;
};
