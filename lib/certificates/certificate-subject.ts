import type { ModuleProgress } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";

export type SubjectType = "module" | "path";

export type EarnedSubject = {
  subjectType: SubjectType;
  subjectId: string;
  subjectVersion: number;
  subjectTitle: string;
  durationMinutes: number;
  completedAt: Date;
};

/**
 * What a learner's progress has earned a certificate for: each completed module, and each path
 * whose every module is completed (dated by the last of them).
 */
export function earnedSubjects(catalogue: Catalogue, progress: Map<string, ModuleProgress>): EarnedSubject[] {
  const modules: EarnedSubject[] = catalogue.modules.flatMap((module) => {
    const row = progress.get(module.id);
    if (!row?.completedAt) return [];
    return [{ subjectType: "module" as const, subjectId: module.id, subjectVersion: row.completedVersion ?? module.version, subjectTitle: module.title, durationMinutes: module.durationMinutes, completedAt: row.completedAt }];
  });
  const paths: EarnedSubject[] = catalogue.paths.flatMap((path) => {
    const dates = path.moduleIds.map((id) => progress.get(id)?.completedAt);
    if (dates.some((date) => !date)) return [];
    const completedAt = new Date(Math.max(...dates.map((date) => date!.getTime())));
    const durationMinutes = path.moduleIds.reduce((sum, id) => sum + (catalogue.moduleById.get(id)?.durationMinutes ?? 0), 0);
    return [{ subjectType: "path" as const, subjectId: path.id, subjectVersion: path.version, subjectTitle: path.title, durationMinutes, completedAt }];
  });

  return [...modules, ...paths];
}
