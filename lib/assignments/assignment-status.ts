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
 * done when all its modules are): done when every module was completed this cycle (latest
 * completion at or after cycle.doneSince), late when a deadline has passed and not every module
 * was completed since the late boundary (cycle.lateUnlessSince), in progress with some activity
 * this cycle, otherwise not started. membershipStatus() in lib/read-model/learner-statuses.ts applies the same
 * rules in SQL; tests hold them equal.
 */
export function assignmentStatus(
  cycle: AssignmentCycle,
  moduleCount: number,
  progress: ProgressFacts[],
): LearnerStatus {
  const countedSince = (since: Date | null) =>
    progress.filter((p) => {
      const latest = latestCompletion(p);
      return latest && (!since || latest >= since);
    }).length;
  if (countedSince(cycle.doneSince) >= moduleCount) return "done";
  if (cycle.isPastDue && countedSince(cycle.lateUnlessSince) < moduleCount) return "late";

  return progress.some((p) => !cycle.doneSince || p.lastActivityAt >= cycle.doneSince) ? "in_progress" : "not_started";
}

/** A learner's overall status across their assignments: late if any is, done if all are. */
export function overallStatus(statuses: LearnerStatus[]): LearnerStatus | null {
  if (statuses.length === 0) return null;
  if (statuses.includes("late")) return "late";
  if (statuses.every((s) => s === "done")) return "done";

  return statuses.some((s) => s !== "not_started") ? "in_progress" : "not_started";
}
