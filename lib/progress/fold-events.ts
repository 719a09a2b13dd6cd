import type { CheckedEvent } from "./validate-event";

/** What a set of new events of one module contributes to its progress row. */
export type ModuleProgressDelta = {
  moduleId: string;
  moduleVersion: number;
  hasQuiz: boolean;
  furthestStepIndex: number;
  lastStepId: string;
  lastStepIndex: number;
  bestScore: number | null;
  quizPassedAt: Date | null;
  reachedEndAt: Date | null;
  completedAt: Date | null;
  activeSeconds: number;
  firstAt: Date;
  lastAt: Date;
};

/** Folds events per module with the same rules the database merge uses (max, min, sum). */
export function foldEvents(events: CheckedEvent[]): ModuleProgressDelta[] {
  const byModule = new Map<string, ModuleProgressDelta>();
  for (const event of events) {
    const at = event.occurredAt;
    const passedAt = event.quizResult?.passed ? at : null;
    const reachedAt = event.isLastStep && event.input.kind === "step_viewed" ? at : null;
    const current = byModule.get(event.module.id);
    if (!current) {
      byModule.set(event.module.id, {
        moduleId: event.module.id,
        moduleVersion: event.module.version,
        hasQuiz: event.module.steps.some((step) => step.kind === "quiz"),
        furthestStepIndex: event.stepIndex,
        lastStepId: event.input.stepId,
        lastStepIndex: event.stepIndex,
        bestScore: event.quizResult?.score ?? null,
        quizPassedAt: passedAt,
        reachedEndAt: reachedAt,
        completedAt: null,
        activeSeconds: event.input.activeSeconds,
        firstAt: at,
        lastAt: at,
      });
      continue;
    }
    const isLater = at > current.lastAt || (at.getTime() === current.lastAt.getTime() && event.stepIndex > current.lastStepIndex);
    if (isLater) {
      current.lastStepId = event.input.stepId;
      current.lastStepIndex = event.stepIndex;
    }
    current.furthestStepIndex = Math.max(current.furthestStepIndex, event.stepIndex);
    current.bestScore = maxOrNull(current.bestScore, event.quizResult?.score ?? null);
    current.quizPassedAt = minDate(current.quizPassedAt, passedAt);
    current.reachedEndAt = minDate(current.reachedEndAt, reachedAt);
    current.activeSeconds += event.input.activeSeconds;
    current.firstAt = minDate(current.firstAt, at)!;
    current.lastAt = at > current.lastAt ? at : current.lastAt;
  }

  for (const delta of byModule.values()) {
    const done = delta.reachedEndAt && (!delta.hasQuiz || delta.quizPassedAt);
    delta.completedAt = done ? maxDate(delta.reachedEndAt, delta.quizPassedAt) : null;
  }

  return [...byModule.values()];
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;

  return Math.max(a, b);
}

function minDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;

  return a < b ? a : b;
}

function maxDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;

  return a > b ? a : b;
}
