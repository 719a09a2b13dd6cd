import type { Catalogue } from "@/lib/courses/types";
import type { LearningEventInput } from "./event-schema";
import type { QuizResult } from "./grade-quiz";

/** The grading as the learner sees it: each question with its explanation from the content. */
export function withExplanations(catalogue: Catalogue, event: LearningEventInput, result: QuizResult) {
  const step = catalogue.moduleById.get(event.moduleId)?.steps.find((s) => s.id === event.stepId);
  const explanations = new Map(step?.kind === "quiz" ? step.questions.map((q) => [q.id, q.explanationHtml]) : []);

  return {
    ...result,
    questions: result.questions.map((question) => ({
      ...question,
      explanationHtml: explanations.get(question.questionId) ?? "",
    })),
  };
}
