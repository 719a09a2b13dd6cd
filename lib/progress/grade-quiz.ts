// The rule itself is shared with the SCORM packages' player: quiz-rules.js.
export { gradeQuiz, type QuestionResult, type QuizResult } from "./quiz-rules";
