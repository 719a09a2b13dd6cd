"use client";

import { FormMessage } from "@/app/_components/form-feedback";
import { useLightTranslations } from "@/app/_components/light-messages";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { PublicQuizStep } from "@/lib/courses/public-module";
import type { QuizOutcome } from "./event-queue";

type Props = {
  step: PublicQuizStep;
  alreadyPassed: boolean;
  onSubmit: (answers: Record<string, string[]>) => Promise<QuizOutcome | null>;
  onPassed: () => void;
};

/** The quiz: answers go to the server, which grades them and sends back the explanations. */
export function QuizStepView({ step, alreadyPassed, onSubmit, onPassed }: Props) {
  const t = useLightTranslations("player.quiz");
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [grading, setGrading] = useState<"idle" | "waiting" | "slow">("idle");
  const [result, setResult] = useState<QuizOutcome | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const toggle = (questionId: string, choiceId: string, multiple: boolean) =>
    setAnswers((current) => {
      const chosen = current[questionId] ?? [];
      if (!multiple) return { ...current, [questionId]: [choiceId] };
      return {
        ...current,
        [questionId]: chosen.includes(choiceId) ? chosen.filter((c) => c !== choiceId) : [...chosen, choiceId],
      };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unanswered = step.questions.filter((q) => !answers[q.id]?.length).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`question-${unanswered[0]}`)?.querySelector("input")?.focus();
      return;
    }
    setGrading("waiting");
    const slow = setTimeout(() => setGrading("slow"), 4_000);
    const outcome = await onSubmit(answers);
    clearTimeout(slow);
    setGrading("idle");
    setResult(outcome);
    if (outcome?.passed) onPassed();
  };

  // Once the grading is on screen, take the learner (and their screen reader) to it.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  // A draw answers one attempt: the page draws the next one (other variants, choices reshuffled).
  const retry = () => window.location.reload();

  const choiceText = (questionId: string, ids: string[]) =>
    ids
      .map((id) => step.questions.find((q) => q.id === questionId)?.choices.find((c) => c.id === id)?.text ?? id)
      .join(" ; ");

  return (
    <>
      {step.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: step.introHtml }} />}
      <p>{t("passMark", { passMark: step.passMark })}</p>
      <form onSubmit={submit} noValidate className="quiz">
        {step.questions.map((question, index) => {
          const graded = result?.questions.find((q) => q.questionId === question.id);
          const isMissing = missing.includes(question.id);
          return (
            <fieldset
              key={question.id}
              id={`question-${question.id}`}
              className="question"
              disabled={result !== null || grading !== "idle"}
              aria-describedby={question.multiple ? `${question.id}-hint` : undefined}
            >
              <legend>
                <span className="question__number">{index + 1}.</span> {question.prompt}
              </legend>
              {question.multiple && (
                <p id={`${question.id}-hint`} className="hint">
                  {t("several")}
                </p>
              )}
              {question.choices.map((choice) => (
                <label key={choice.id} className="choice">
                  <input
                    type={question.multiple ? "checkbox" : "radio"}
                    name={`question-${question.id}`}
                    value={choice.id}
                    checked={answers[question.id]?.includes(choice.id) ?? false}
                    onChange={() => toggle(question.id, choice.id, question.multiple)}
                    aria-invalid={isMissing || undefined}
                  />
                  <span>{choice.text}</span>
                </label>
              ))}
              {graded && (
                <div className={`feedback ${graded.correct ? "feedback--right" : "feedback--wrong"}`}>
                  <p className="feedback__verdict">{graded.correct ? t("questionRight") : t("questionWrong")}</p>
                  {!graded.correct && (
                    <p>
                      {t("expected", {
                        count: graded.expected.length,
                        answers: choiceText(question.id, graded.expected),
                      })}
                    </p>
                  )}
                  {graded.explanationHtml && (
                    <div className="prose" dangerouslySetInnerHTML={{ __html: graded.explanationHtml }} />
                  )}
                </div>
              )}
            </fieldset>
          );
        })}
        <FormMessage message={missing.length > 0 ? t("unanswered", { count: missing.length }) : undefined} />
        {result === null && (
          <button type="submit" className="button" disabled={grading !== "idle"}>
            {grading === "idle" ? t("submit") : t("grading")}
          </button>
        )}
        {/* Not FormOutcome: a live note while the grading waits for the network, not the form's outcome. */}
        <p role="status" className="hint">
          {grading === "slow" ? t("gradingOffline") : ""}
        </p>
      </form>

      {result && (
        <section
          className={`quiz-result ${result.passed ? "quiz-result--passed" : "quiz-result--failed"}`}
          aria-labelledby="quiz-result-title"
        >
          <h2 id="quiz-result-title" ref={resultRef} tabIndex={-1}>
            {t("resultTitle")}
          </h2>
          <p className="quiz-result__score">
            {t("score", { correct: result.correctCount, total: result.total, score: result.score })}
          </p>
          <p>{result.passed ? t("passed") : t("failed", { passMark: step.passMark })}</p>
          {!result.passed && (
            <button type="button" className="button" onClick={retry}>
              {t("retry")}
            </button>
          )}
        </section>
      )}
      {alreadyPassed && result === null && <p className="hint">{t("alreadyPassed")}</p>}
    </>
  );
}
