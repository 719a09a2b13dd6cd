// The rule itself is shared with the SCORM packages' player: quiz-rules.js.
export { drawQuiz } from "./quiz-rules";
