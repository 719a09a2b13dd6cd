import type { CourseModule } from "./types";

/** Silent reading speed of an adult in French, words per minute. */
export const READING_WORDS_PER_MINUTE = 230;
/** Time to read a question, choose, and read the feedback, in seconds. */
export const SECONDS_PER_QUESTION = 25;

/** Minutes a learner needs for a module, from its prose words and its questions. */
export function estimateMinutes(module: Pick<CourseModule, "proseWords" | "questionCount">): number {
  return module.proseWords / READING_WORDS_PER_MINUTE + (module.questionCount * SECONDS_PER_QUESTION) / 60;
}
