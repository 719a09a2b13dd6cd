/**
 * How every course id is written (modules, paths, steps, questions, choices): lower-case letters
 * and digits in words joined by single hyphens, at most 80 characters (e.g. cles-usb). The course
 * files are checked against it, and a request naming something else is refused before any lookup.
 * Plain, without zod: the player tests it in the browser.
 */
export const COURSE_ID_PATTERN = /^(?=.{1,80}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `value` is written as a course id (COURSE_ID_PATTERN); says nothing of whether one exists. */
export function isCourseId(value: string): boolean {
  return COURSE_ID_PATTERN.test(value);
}
