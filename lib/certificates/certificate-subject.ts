import type { ModuleProgress } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";

export type SubjectType = "module" | "path";

export type EarnedSubject = {
  subjectType: SubjectType;
  subjectId: string;
  subjectVersion: number;
  subjectTitle: string;
  durationMinutes: number;
  /** The first completion. */
  completedAt: Date;
  /** The latest completion (a module taken again, or every module of a path taken again). */
  latestCompletedAt: Date;
  /** The earliest of the latest completions of its modules: when the latest round began (a module: latestCompletedAt). */
  latestRoundStartedAt: Date;
  /** The version the latest completion was made on. */
  latestVersion: number;
};

const latest = (row: ModuleProgress) => row.lastCompletedAt ?? row.completedAt!;

/**
 * What a learner's progress has earned a certificate for: each completed module, and each path
 * whose every module is completed (dated by the last of them), with the first and latest
 * completions.
 */
export function earnedSubjects(catalogue: Catalogue, progress: Map<string, ModuleProgress>): EarnedSubject[] {
  const modules: EarnedSubject[] = catalogue.modules.flatMap((module) => {
    const row = progress.get(module.id);
    if (!row?.completedAt) return [];
    return [
      {
        subjectType: "module" as const,
        subjectId: module.id,
        subjectVersion: row.completedVersion ?? module.version,
        subjectTitle: module.title,
        durationMinutes: module.durationMinutes,
        completedAt: row.completedAt,
        latestCompletedAt: latest(row),
        latestRoundStartedAt: latest(row),
        latestVersion: row.moduleVersion,
      },
    ];
  });
  const paths: EarnedSubject[] = catalogue.paths.flatMap((path) => {
    const rows = path.moduleIds.map((id) => progress.get(id));
    if (rows.some((row) => !row?.completedAt)) return [];
    const done = rows as ModuleProgress[];
    const completedAt = new Date(Math.max(...done.map((row) => row.completedAt!.getTime())));
    const latestTimes = done.map((row) => latest(row).getTime());
    const durationMinutes = path.moduleIds.reduce(
      (sum, id) => sum + (catalogue.moduleById.get(id)?.durationMinutes ?? 0),
      0,
    );
    return [
      {
        subjectType: "path" as const,
        subjectId: path.id,
        subjectVersion: path.version,
        subjectTitle: path.title,
        durationMinutes,
        completedAt,
        latestCompletedAt: new Date(Math.max(...latestTimes)),
        latestRoundStartedAt: new Date(Math.min(...latestTimes)),
        latestVersion: path.version,
      },
    ];
  });

  return [...modules, ...paths];
}
