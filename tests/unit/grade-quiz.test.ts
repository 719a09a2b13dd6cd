import { describe, expect, it } from "vitest";
import type { QuizStep } from "@/lib/courses/types";
import { gradeQuiz } from "@/lib/progress/grade-quiz";

const quiz: QuizStep = {
  id: "quiz",
  kind: "quiz",
  title: "Quiz",
  passMark: 80,
  questions: [
    {
      id: "un",
      objectiveId: "un",
      prompt: "?",
      multiple: false,
      explanationHtml: "",
      choices: [
        { id: "a", text: "A", correct: true },
        { id: "b", text: "B", correct: false },
      ],
    },
    {
      id: "deux",
      objectiveId: "deux",
      prompt: "?",
      multiple: true,
      explanationHtml: "",
      choices: [
        { id: "a", text: "A", correct: true },
        { id: "b", text: "B", correct: true },
        { id: "c", text: "C", correct: false },
      ],
    },
  ],
  objectives: [
    { id: "un", questionIds: ["un"] },
    { id: "deux", questionIds: ["deux"] },
  ],
};

describe("gradeQuiz", () => {
  it("counts a question right only when exactly the right choices are selected", () => {
    expect(gradeQuiz(quiz, { un: ["a"], deux: ["a", "b"] })).toMatchObject({
      score: 100,
      passed: true,
      correctCount: 2,
    });
    expect(gradeQuiz(quiz, { un: ["a"], deux: ["a"] })).toMatchObject({ score: 50, passed: false, correctCount: 1 });
    expect(gradeQuiz(quiz, { un: ["a"], deux: ["a", "b", "c"] }).questions[1]).toMatchObject({
      correct: false,
      expected: ["a", "b"],
      selected: ["a", "b", "c"],
    });
  });

  it("treats a missing answer as wrong and ignores a choice selected twice", () => {
    expect(gradeQuiz(quiz, {})).toMatchObject({ score: 0, passed: false });
    expect(gradeQuiz(quiz, { un: ["a", "a"], deux: ["b", "a"] })).toMatchObject({ score: 100 });
  });

  it("grades only the questions drawn for the attempt", () => {
    const pool: QuizStep = {
      ...quiz,
      questions: [
        ...quiz.questions,
        {
          ...quiz.questions[0]!,
          id: "un-bis",
          objectiveId: "un",
          choices: [
            { id: "x", text: "X", correct: true },
            { id: "y", text: "Y", correct: false },
          ],
        },
      ],
      objectives: [
        { id: "un", questionIds: ["un", "un-bis"] },
        { id: "deux", questionIds: ["deux"] },
      ],
    };

    expect(gradeQuiz(pool, { "un-bis": ["x"], deux: ["a", "b"] }, ["un-bis", "deux"])).toMatchObject({
      score: 100,
      total: 2,
    });
    expect(gradeQuiz(pool, { un: ["a"], deux: ["a", "b"] }, ["un-bis", "deux"])).toMatchObject({
      score: 50,
      correctCount: 1,
    });
  });

  it("passes at exactly the pass mark", () => {
    expect(gradeQuiz({ ...quiz, passMark: 50 }, { un: ["a"] }).passed).toBe(true);
  });
});
