import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { CourseContentError, formatIssue } from "@/lib/courses/content-error";

/**
 * Copies of a content folder, each with one file changed, for tests of what its loader refuses.
 * Every copy is removed after the test that made it.
 */
export function contentCopies(source: string): (file: string, change: (text: string) => string) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  return (file, change) => {
    const root = mkdtempSync(path.join(tmpdir(), "vigie-content-"));
    made.push(root);
    const dir = path.join(root, path.basename(source));
    cpSync(source, dir, { recursive: true });
    const target = path.join(dir, file);
    writeFileSync(target, change(readFileSync(target, "utf8")));

    return dir;
  };
}

/** What a content loader refuses in a folder, as courses:check prints it; empty when it loads. */
export function contentProblems(load: (root: string) => unknown, root: string): string[] {
  try {
    load(root);
  } catch (error) {
    if (error instanceof CourseContentError) return error.issues.map(formatIssue);
    throw error;
  }

  return [];
}
