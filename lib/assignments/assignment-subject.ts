import type { Catalogue } from "@/lib/courses/types";

export type AssignmentSubject = { title: string; moduleIds: string[] };

/**
 * The module or path an assignment names, with the modules it covers; undefined once it has left
 * the catalogue (nothing left to take).
 */
export function assignmentSubject(
  catalogue: Catalogue,
  assignment: { subjectType: "module" | "path"; subjectId: string },
): AssignmentSubject | undefined {
  if (assignment.subjectType === "path") {
    const path = catalogue.pathById.get(assignment.subjectId);
    return path && { title: path.title, moduleIds: path.moduleIds };
  }
  const courseModule = catalogue.moduleById.get(assignment.subjectId);
  return courseModule && { title: courseModule.title, moduleIds: [courseModule.id] };
}
