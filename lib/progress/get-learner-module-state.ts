import type { Db } from "@/db/client";
import type { LearnerContext } from "@/lib/auth/guards";
import { type PublicQuizDraw, publicQuizDraw } from "@/lib/courses/public-module";
import type { CourseModule } from "@/lib/courses/types";
import { getQuizDraw } from "./get-quiz-draw";
import { getModuleProgress } from "./queries";
import { resumeStepIndex } from "./resume-step";

/**
 * What the player needs of one learner for one module at its current version; the rest of the
 * page (the module's content) is the same for everyone. Given by the module page, or read from
 * GET /api/progress/state.
 */
export type LearnerModuleState = {
  moduleId: string;
  /** The version this state is for: a page whose content is of another version must reload. */
  moduleVersion: number;
  /** For the page's header, and the key of the events waiting on this device. */
  learner: { id: string; name: string; establishmentName: string };
  /** The questions drawn for this attempt, choices in the drawn order, never the answers; null without a quiz. */
  quiz: PublicQuizDraw | null;
  /** The step to open (resumeStepIndex): the one asked for if reached, else where the learner stopped. */
  stepIndex: number;
  furthestStepIndex: number;
  /** True for a module without a quiz. */
  quizPassed: boolean;
  completed: boolean;
  /** The completion view was asked for (?etape=fin) and the module is completed. */
  showCompletion: boolean;
};

/**
 * The learner's state of a module, in the establishment they work in now: their progress (the
 * person's own, whichever establishment recorded it) and their open quiz draw, made now if there
 * is none (getQuizDraw: the same questions on every read until a submission uses them).
 */
export async function getLearnerModuleState(
  db: Db,
  options: { learner: LearnerContext; module: CourseModule; requestedStepId?: string },
): Promise<LearnerModuleState> {
  const { learner, module, requestedStepId } = options;
  const { actor, membership } = learner;
  const [progress, draw] = await Promise.all([
    getModuleProgress(db, actor.userId, module.id),
    getQuizDraw(db, { userId: actor.userId, organisationId: membership.organisationId, module }),
  ]);
  const hasQuiz = module.steps.some((step) => step.kind === "quiz");
  const completed = progress?.completedAt != null;

  return {
    moduleId: module.id,
    moduleVersion: module.version,
    learner: { id: actor.userId, name: actor.name, establishmentName: membership.organisationName },
    quiz: draw ? publicQuizDraw(module, draw) : null,
    stepIndex: resumeStepIndex(module, progress, requestedStepId),
    furthestStepIndex: progress?.furthestStepIndex ?? 0,
    quizPassed: !hasQuiz || progress?.quizPassedAt != null,
    completed,
    showCompletion: requestedStepId === "fin" && completed,
  };
}
