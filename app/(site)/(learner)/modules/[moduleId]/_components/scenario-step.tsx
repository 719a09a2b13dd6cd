"use client";

import { useLightTranslations } from "@/app/_components/light-messages";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { ScenarioStep } from "@/lib/courses/types";

/** A situation, a choice, and the feedback for the choice made; the learner may try another. */
export function ScenarioStepView({ step, onAnswer }: { step: ScenarioStep; onAnswer: (choiceId: string) => void }) {
  const t = useLightTranslations("player.scenario");
  const [selected, setSelected] = useState<string | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const chosen = step.choices.find((choice) => choice.id === answered);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return setError(true);
    setError(false);
    setAnswered(selected);
    onAnswer(selected);
  };

  useEffect(() => {
    if (answered) feedbackRef.current?.focus();
  }, [answered]);

  return (
    <>
      <div className="prose situation" dangerouslySetInnerHTML={{ __html: step.situationHtml }} />
      <form onSubmit={submit} noValidate>
        <fieldset
          className="choices"
          disabled={answered !== null}
          aria-describedby={error ? `${step.id}-error` : undefined}
        >
          <legend>{step.question}</legend>
          {step.choices.map((choice) => (
            <label
              key={choice.id}
              className={`choice${answered && choice.id === answered ? (choice.correct ? " choice--right" : " choice--wrong") : ""}`}
            >
              <input
                type="radio"
                name={`scenario-${step.id}`}
                value={choice.id}
                checked={selected === choice.id}
                onChange={() => setSelected(choice.id)}
              />
              <span>{choice.text}</span>
            </label>
          ))}
        </fieldset>
        {/* Not FormOutcome: the choice's own error, tied to the group by aria-describedby, which FormMessage has no id for. */}
        {error && (
          <p id={`${step.id}-error`} className="field-error" role="alert">
            {t("chooseFirst")}
          </p>
        )}
        {answered === null && (
          <button type="submit" className="button">
            {t("validate")}
          </button>
        )}
      </form>
      {/* Not FormOutcome: the answer's feedback, which takes the focus and offers another try. */}
      {chosen && (
        <div
          ref={feedbackRef}
          tabIndex={-1}
          className={`feedback ${chosen.correct ? "feedback--right" : "feedback--wrong"}`}
          role="status"
        >
          <p className="feedback__verdict">{chosen.correct ? t("right") : t("wrong")}</p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: chosen.feedbackHtml }} />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setAnswered(null);
              setSelected(null);
            }}
          >
            {t("tryAnother")}
          </button>
        </div>
      )}
    </>
  );
}
