/**
 * The quiz rules have one source (lib/progress/quiz-rules.js): Vigie's server imports it, and
 * every SCORM package carries it rewritten as a plain script. This holds the packaged copy equal
 * to the imported one on random quizzes, earlier draws, seeds and answers.
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { drawQuiz } from "@/lib/progress/draw-quiz";
import { gradeQuiz } from "@/lib/progress/grade-quiz";
import type { RulesQuiz } from "@/lib/progress/quiz-rules";
import { PLAYER_FOLDER, classicScript, playerAssets } from "@/lib/scorm/player-assets";

type Rules = { drawQuiz: typeof drawQuiz; gradeQuiz: typeof gradeQuiz };

function packagedRules(): Rules {
  const script = new TextDecoder().decode(playerAssets().get(`${PLAYER_FOLDER}/quiz-rules.js`));
  const window: { VIGIE_QUIZ_RULES?: Rules } = {};
  runInNewContext(script, { window });

  return window.VIGIE_QUIZ_RULES!;
}

/** mulberry32: a seeded generator, so that both sides see the same numbers. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomQuiz(random: () => number): RulesQuiz {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const questions: RulesQuiz["questions"] = [];
  const objectives = Array.from({ length: int(1, 6) }, (_, o) => ({
    questionIds: Array.from({ length: int(1, 4) }, (_, v) => {
      const id = `q${o}-${v}`;
      const count = int(2, 5);
      const right = int(0, count - 1);
      questions.push({
        id,
        choices: Array.from({ length: count }, (_, c) => ({ id: `c${c}`, correct: c === right || random() < 0.3 })),
      });
      return id;
    }),
  }));

  return { passMark: int(0, 100), objectives, questions };
}

/** Earlier draws: some of the quiz's ids, most recent first, now and then an id no longer in it. */
function randomEarlier(quiz: RulesQuiz, random: () => number): string[][] {
  return Array.from({ length: Math.floor(random() * 5) }, () =>
    quiz.objectives
      .map((objective) => objective.questionIds[Math.floor(random() * objective.questionIds.length)]!)
      .filter(() => random() < 0.8)
      .concat(random() < 0.1 ? ["retiree"] : []),
  );
}

/** Answers: none, some or all choices, duplicates and unknown ids included. */
function randomAnswers(quiz: RulesQuiz, ids: string[], random: () => number): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  for (const id of ids) {
    if (random() < 0.1) continue;
    const question = quiz.questions.find((each) => each.id === id)!;
    const picked = question.choices.filter(() => random() < 0.5).map((choice) => choice.id);
    if (random() < 0.5) picked.splice(0, picked.length, ...question.choices.filter((c) => c.correct).map((c) => c.id));
    if (random() < 0.1) picked.push(picked[0] ?? "c0");
    if (random() < 0.05) picked.push("inconnu");
    answers[id] = picked;
  }

  return answers;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe("the quiz rules in SCORM packages", () => {
  const packaged = packagedRules();

  it("draw and grade as Vigie's server does, on 2,000 random quizzes", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const random = seeded(seed);
      const quiz = randomQuiz(random);
      const earlier = randomEarlier(quiz, random);
      const drawSeed = Math.floor(random() * 2 ** 32);

      const drawn = drawQuiz(quiz, earlier, seeded(drawSeed));
      expect(plain(packaged.drawQuiz(quiz, earlier, seeded(drawSeed))), `seed ${seed}`).toEqual(drawn);

      const ids = drawn.map((question) => question.questionId);
      const answers = randomAnswers(quiz, ids, random);
      expect(plain(packaged.gradeQuiz(quiz, answers, ids)), `seed ${seed}`).toEqual(gradeQuiz(quiz, answers, ids));
      expect(plain(packaged.gradeQuiz(quiz, answers)), `seed ${seed}`).toEqual(gradeQuiz(quiz, answers));
    }
  });

  it("refuses a rules file that a plain script cannot carry", () => {
    expect(() => classicScript('import x from "y";\nexport function f() {}\n')).toThrow();
    expect(() => classicScript("export const f = 1;\n")).toThrow();
  });
});
