import type { AssignmentCycle } from "./assignment-cycle";

export const learnerStatuses = ["late", "not_started", "in_progress", "done"] as const;
export type LearnerStatus = (typeof learnerStatuses)[number];

/**
 * A module's progress as the status rules read it. `lastCompletedAt` is the latest completion
 * (module_progress.last_completed_at); without it, the first completion is the latest.
 */
export type ProgressFacts = { completedAt: Date | null; lastCompletedAt?: Date | null; lastActivityAt: Date };

/** The completion a cycle is judged on: the latest one (a renewal moves it forward). */
export function latestCompletion(progress: ProgressFacts): Date | null {
  return progress.completedAt ? (progress.lastCompletedAt ?? progress.completedAt) : null;
}

/**
 * The status of one learner for one assignment whose subject has `moduleCount` modules (a path is
 * done when all its modules are): done, late, in progress (some activity this cycle), or not
 * started. The SQL in learner-status-sql.ts applies the same rules; tests hold them equal.
 */
export function assignmentStatus(cycle: AssignmentCycle, moduleCount: number, progress: ProgressFacts[]): LearnerStatus {
  const countedSince = (since: Date | null) =>
    progress.filter((p) => {
      const latest = latestCompletion(p);
      return latest && (!since || latest >= since);
    }).length;
  const active = progress.filter((p) => !cycle.doneSince || p.lastActivityAt >= cycle.doneSince).length;

  return statusFromCounts(cycle, moduleCount, { doneThisCycle: countedSince(cycle.doneSince), doneSinceLateBoundary: countedSince(cycle.lateUnlessSince), activeThisCycle: active });
}

/**
 * What assignmentStatus() decides on: how many of the subject's modules were completed this cycle
 * (latest completion at or after cycle.doneSince), since the late boundary (cycle.lateUnlessSince),
 * and how many have any activity this cycle. The dashboard counts these in SQL and decides here.
 */
export type CycleCounts = { doneThisCycle: number; doneSinceLateBoundary: number; activeThisCycle: number };

export function statusFromCounts(cycle: AssignmentCycle, moduleCount: number, counts: CycleCounts): LearnerStatus {
  if (counts.doneThisCycle >= moduleCount) return "done";
  if (cycle.isPastDue && counts.doneSinceLateBoundary < moduleCount) return "late";

  return counts.activeThisCycle > 0 ? "in_progress" : "not_started";
}

/** A learner's overall status across their assignments: late if any is, done if all are. */
export function overallStatus(statuses: LearnerStatus[]): LearnerStatus | null {
  if (statuses.length === 0) return null;
  if (statuses.includes("late")) return "late";
  if (statuses.every((s) => s === "done")) return "done";

  return statuses.some((s) => s !== "not_started") ? "in_progress" : "not_started";
}
