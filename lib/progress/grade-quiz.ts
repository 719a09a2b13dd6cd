import type { QuizStep } from "@/lib/courses/types";

export type QuestionResult = { questionId: string; correct: boolean; selected: string[]; expected: string[] };

export type QuizResult = {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  questions: QuestionResult[];
};

/**
 * Grades an attempt: the questions drawn for it (by default the first variant of each
 * objective), each right when exactly the right choices are selected; the score is the
 * percentage of right questions, passed at or above the quiz's pass mark. Missing answers are wrong.
 */
export function gradeQuiz(
  quiz: QuizStep,
  answers: Record<string, string[]>,
  drawnIds: string[] = quiz.objectives.map((o) => o.questionIds[0]!),
): QuizResult {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const questions = drawnIds
    .map((id) => byId.get(id)!)
    .map((question) => {
      const expected = question.choices
        .filter((choice) => choice.correct)
        .map((choice) => choice.id)
        .sort();
      const selected = [...new Set(answers[question.id] ?? [])].sort();
      const correct =
        selected.length === expected.length && selected.every((choice, index) => choice === expected[index]);

      return { questionId: question.id, correct, selected, expected };
    });
  const correctCount = questions.filter((question) => question.correct).length;
  const score = Math.round((100 * correctCount) / questions.length);

  return { score, passed: score >= quiz.passMark, correctCount, total: questions.length, questions };
}
