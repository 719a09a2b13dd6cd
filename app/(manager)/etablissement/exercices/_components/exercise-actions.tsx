"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, FormOutcome } from "@/app/_components/form-feedback";
import type { PhishingExerciseState } from "@/db/schema";
import type { FormState } from "@/lib/forms";
import { changeExerciseStateAction, launchExerciseAction } from "../actions";

type Props = {
  organisationId: string;
  exerciseId: string;
  state: PhishingExerciseState;
  /** A part of a centre exercise: the centre launches, pauses and resumes it; the establishment may cancel it. */
  isCentreExercise?: boolean;
};

/**
 * What a manager can do with one exercise in its state: launch (after confirming), pause, resume,
 * cancel; with their part of a centre exercise, cancel only.
 */
export function ExerciseActions({ organisationId, exerciseId, state, isCentreExercise = false }: Props) {
  const t = useTranslations("phishingExercises");
  const [launchState, launch, launching] = useActionState<FormState, FormData>(launchExerciseAction, {});
  const [changeState, change, changing] = useActionState<FormState, FormData>(changeExerciseStateAction, {});
  const id = useId();
  const changes = (
    isCentreExercise
      ? { draft: ["cancel"], running: ["cancel"], paused: ["cancel"] }
      : { draft: ["cancel"], running: ["pause", "cancel"], paused: ["resume", "cancel"] }
  )[state as "draft" | "running" | "paused"];
  const informedError = launchState.fieldErrors?.staffInformed;
  const hidden = (
    <>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
    </>
  );

  return (
    <div className="stack">
      {state === "draft" && !isCentreExercise && (
        <form action={launch} noValidate>
          {hidden}
          <div className="field field--checkbox">
            <label>
              <input
                type="checkbox"
                name="staffInformed"
                aria-invalid={informedError ? true : undefined}
                aria-describedby={informedError ? `${id}-informed-error` : undefined}
              />{" "}
              {t("staffInformed")}
            </label>
            <FieldError id={`${id}-informed-error`} errors={informedError} />
          </div>
          <button type="submit" className="button" disabled={launching}>
            {t("launch")}
          </button>
          <FormOutcome ok={launchState.ok} message={launchState.message} />
        </form>
      )}
      {changes?.map((name) => (
        <form key={name} action={change}>
          {hidden}
          <input type="hidden" name="change" value={name} />
          <button type="submit" className="button button--secondary" disabled={changing}>
            {t(name)}
          </button>
        </form>
      ))}
      {changeState.message && !changeState.ok && <FormMessage message={changeState.message} />}
    </div>
  );
}
