export type ContentIssue = { file: string; field: string; reason: string };

/** Every problem found in course files, each as `file: field: reason`. */
export class CourseContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(
      `Course content has ${issues.length} problem(s):\n` +
        issues.map((issue) => `  ${formatIssue(issue)}`).join("\n"),
    );
    this.name = "CourseContentError";
  }
}

export function formatIssue(issue: ContentIssue): string {
  return issue.field ? `${issue.file}: ${issue.field}: ${issue.reason}` : `${issue.file}: ${issue.reason}`;
}
