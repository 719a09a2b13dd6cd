import { z } from "zod";
import { isCourseId } from "./course-id";

/** A path or a module, as assignments and certificates name what they are about. */
export type CourseSubject = { type: "module" | "path"; id: string };

/** How one form field names a subject: `path:<id>` or `module:<id>` (e.g. module:cles-usb). */
export function courseSubjectValue(type: CourseSubject["type"], id: string): string {
  return `${type}:${id}`;
}

/** The subject a form field names, or null unless it is `path:` or `module:` then a course id. */
export function parseCourseSubject(value: string): CourseSubject | null {
  const match = /^(module|path):(.*)$/s.exec(value);
  if (!match || !isCourseId(match[2]!)) return null;

  return { type: match[1] as CourseSubject["type"], id: match[2]! };
}

/** A form field naming a subject, read as { type, id }; anything else is refused with `message`. */
export function courseSubjectField(message: string) {
  return z.string(message).transform((value, context) => {
    const subject = parseCourseSubject(value);
    if (subject) return subject;
    context.addIssue({ code: "custom", message });

    return z.NEVER;
  });
}
