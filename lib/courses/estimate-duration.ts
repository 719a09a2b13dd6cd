import { countWords } from "./render-markdown";

/** Reading speed the estimate assumes: an adult reading French on a ward PC or a phone. */
export const READING_WORDS_PER_MINUTE = 200;
/** Time to weigh the choices of one scenario or quiz question, on top of reading them. */
export const SECONDS_PER_DECISION = 10;
/** A module computed above this fails `npm run courses:check`: the catalogue promises about 7. */
export const MAX_MODULE_MINUTES = 8;

/** What a learner reads in one pass through a step, and how many choices it asks of them. */
export type StepReading = { words: number; decisions: number };

export function lessonReading(title: string, body: string): StepReading {
  return { words: countWords(title) + countWords(body), decisions: 0 };
}

/**
 * A scenario: its title, situation, question and every choice, plus the feedback of the choice
 * made (counted as the average feedback, since a learner reads one, sometimes two).
 */
export function scenarioReading(scenario: { title: string; situation: string; question: string; choices: { text: string; feedback: string }[] }): StepReading {
  const feedback = average(scenario.choices.map((choice) => countWords(choice.feedback)));
  const words = countWords(scenario.title) + countWords(scenario.situation) + countWords(scenario.question) + sum(scenario.choices.map((choice) => countWords(choice.text)));

  return { words: words + feedback, decisions: 1 };
}

/**
 * A quiz: its title and intro, then for each objective one drawn variant (counted as the average
 * of its variants): prompt, every choice and the explanation shown after grading.
 */
export function quizReading(quiz: { title: string; intro?: string; objectives: { prompt: string; choices: { text: string }[]; explanation: string }[][] }): StepReading {
  const perObjective = quiz.objectives.map((variants) =>
    average(variants.map((question) => countWords(question.prompt) + sum(question.choices.map((choice) => countWords(choice.text))) + countWords(question.explanation))),
  );

  return { words: countWords(quiz.title) + countWords(quiz.intro ?? "") + sum(perObjective), decisions: quiz.objectives.length };
}

/** Minutes a learner needs: everything read at READING_WORDS_PER_MINUTE, plus time per decision. */
export function estimateMinutes(reading: StepReading): number {
  return reading.words / READING_WORDS_PER_MINUTE + (reading.decisions * SECONDS_PER_DECISION) / 60;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const average = (values: number[]) => (values.length === 0 ? 0 : sum(values) / values.length);
