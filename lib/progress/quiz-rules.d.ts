// Types of quiz-rules.js (plain JavaScript, since SCORM packages embed it as is).

/** What the rules read of a quiz: lib/courses' QuizStep, or the packaged player's copy of it. */
export type RulesQuiz = {
  passMark: number;
  objectives: { questionIds: string[] }[];
  questions: { id: string; choices: { id: string; correct: boolean }[] }[];
};

export type QuestionResult = { questionId: string; correct: boolean; selected: string[]; expected: string[] };

export type QuizResult = {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  questions: QuestionResult[];
};

export function drawQuiz(
  quiz: RulesQuiz,
  earlier: string[][],
  random?: () => number,
): { questionId: string; choiceIds: string[] }[];

export function shuffle<T>(items: T[], random: () => number): T[];

export function gradeQuiz(quiz: RulesQuiz, answers: Record<string, string[]>, drawnIds?: string[]): QuizResult;
