import type { Catalogue } from "@/lib/courses/types";

/**
 * What every new establishment is assigned when it is created: the everyday path and the
 * incident module, so that a path certificate never goes without "how to react". A manager
 * deletes or adds assignments afterwards; paths are only bundles a manager may assign whole.
 */
export const DEFAULT_ASSIGNMENTS = [
  { subjectType: "path", subjectId: "bonnes-pratiques" },
  { subjectType: "module", subjectId: "cyber-incident" },
] as const satisfies readonly { subjectType: "path" | "module"; subjectId: string }[];

/** Days between an establishment's creation and its default assignments' due date. */
export const DEFAULT_DUE_DAYS = 90;

/** The default assignments' rows for an establishment created at `now`, due DEFAULT_DUE_DAYS later. */
export function defaultAssignmentRows(options: { organisationId: string; createdBy: string; now: Date }) {
  const due = new Date(options.now.getTime() + DEFAULT_DUE_DAYS * 24 * 60 * 60 * 1000);
  const dueOn = due.toISOString().slice(0, 10);

  return DEFAULT_ASSIGNMENTS.map((subject) => ({
    ...subject,
    organisationId: options.organisationId,
    teamId: null,
    dueOn,
    renewYearly: false,
    createdBy: options.createdBy,
  }));
}

/** Subjects of DEFAULT_ASSIGNMENTS missing from the catalogue (a unit test keeps this empty). */
export function missingDefaultSubjects(catalogue: Catalogue): string[] {
  return DEFAULT_ASSIGNMENTS.filter((s) =>
    s.subjectType === "path" ? !catalogue.pathById.has(s.subjectId) : !catalogue.moduleById.has(s.subjectId),
  ).map((s) => s.subjectId);
}
