import type { DrawnQuestion } from "@/db/schema";
import type { QuizStep } from "@/lib/courses/types";

/**
 * Draws an attempt: for each objective, a variant the learner has not been asked yet, else the
 * one asked longest ago (so a retry, and the yearly renewal, get other questions where the pool
 * allows), chosen at random among equals; the choices of each are shuffled.
 * `earlier` holds the question ids of the learner's previous draws, most recent first.
 */
export function drawQuiz(quiz: QuizStep, earlier: string[][], random: () => number = Math.random): DrawnQuestion[] {
  const lastAsked = new Map<string, number>();
  earlier.forEach((ids, age) => ids.forEach((id) => lastAsked.has(id) || lastAsked.set(id, age)));
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));

  return quiz.objectives.map((objective) => {
    // Never asked ranks first (Infinity), then the oldest.
    const staleness = (id: string) => lastAsked.get(id) ?? Number.POSITIVE_INFINITY;
    const best = Math.max(...objective.questionIds.map(staleness));
    const candidates = objective.questionIds.filter((id) => staleness(id) === best);
    const questionId = candidates[Math.floor(random() * candidates.length)]!;

    return {
      questionId,
      choiceIds: shuffle(
        byId.get(questionId)!.choices.map((choice) => choice.id),
        random,
      ),
    };
  });
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }

  return copy;
}
