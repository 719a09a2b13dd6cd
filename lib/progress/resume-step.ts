import type { ModuleProgress } from "@/db/schema";
import type { CourseModule } from "@/lib/courses/types";

/**
 * The step to open: the one asked for in the URL if the learner has reached it (or the one
 * after); else where they stopped; a finished module opens at its start, for review.
 */
export function resumeStepIndex(
  module: CourseModule,
  progress: ModuleProgress | undefined,
  requested?: string,
): number {
  const furthest = progress?.furthestStepIndex ?? 0;
  const asked = requested ? module.steps.findIndex((step) => step.id === requested) : -1;
  if (asked >= 0 && asked <= furthest + 1) return asked;
  if (!progress || progress.completedAt) return 0;
  const last = module.steps.findIndex((step) => step.id === progress.lastStepId);

  return last >= 0 ? last : Math.min(furthest, module.steps.length - 1);
}
