/*
 * The quiz's draw and grading rules, one source for both players: lib/progress imports them for
 * Vigie's server, and every SCORM package embeds this file as a plain script for the packaged
 * player, which grades with no server (lib/scorm/player-assets.ts turns the exports into a global).
 * Plain ES2017, no import and only `export function` at top level: it runs as is in any browser.
 * Types: quiz-rules.d.ts.
 */

/**
 * Draws an attempt: for each objective, a variant the learner has not been asked yet, else the
 * one asked longest ago (so a retry, and the yearly renewal, get other questions where the pool
 * allows), chosen at random among equals; the choices of each are shuffled.
 * `earlier` holds the question ids of the learner's previous draws, most recent first.
 */
export function drawQuiz(quiz, earlier, random) {
  const pick = random || Math.random;
  const lastAsked = new Map();
  earlier.forEach((ids, age) => ids.forEach((id) => lastAsked.has(id) || lastAsked.set(id, age)));
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));

  return quiz.objectives.map((objective) => {
    // Never asked ranks first (Infinity), then the oldest.
    const staleness = (id) => (lastAsked.has(id) ? lastAsked.get(id) : Number.POSITIVE_INFINITY);
    const best = Math.max.apply(null, objective.questionIds.map(staleness));
    const candidates = objective.questionIds.filter((id) => staleness(id) === best);
    const questionId = candidates[Math.floor(pick() * candidates.length)];

    return {
      questionId,
      choiceIds: shuffle(
        byId.get(questionId).choices.map((choice) => choice.id),
        pick,
      ),
    };
  });
}

/** Fisher-Yates on a copy. */
export function shuffle(items, random) {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const kept = copy[i];
    copy[i] = copy[j];
    copy[j] = kept;
  }

  return copy;
}

/**
 * Grades an attempt: the questions drawn for it (by default the first variant of each
 * objective), each right when exactly the right choices are selected; the score is the
 * percentage of right questions, passed at or above the quiz's pass mark. Missing answers are wrong.
 */
export function gradeQuiz(quiz, answers, drawnIds) {
  const ids = drawnIds || quiz.objectives.map((objective) => objective.questionIds[0]);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const questions = ids
    .map((id) => byId.get(id))
    .map((question) => {
      const expected = question.choices
        .filter((choice) => choice.correct)
        .map((choice) => choice.id)
        .sort();
      const selected = Array.from(new Set(answers[question.id] || [])).sort();
      const correct =
        selected.length === expected.length && selected.every((choice, index) => choice === expected[index]);

      return { questionId: question.id, correct, selected, expected };
    });
  const correctCount = questions.filter((question) => question.correct).length;
  const score = Math.round((100 * correctCount) / questions.length);

  return { score, passed: score >= quiz.passMark, correctCount, total: questions.length, questions };
}
