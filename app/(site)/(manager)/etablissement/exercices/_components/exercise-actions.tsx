"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/form-feedback";
import { LaunchExerciseForm } from "@/app/_components/phishing/exercise-form-parts";
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
  const changes = (
    isCentreExercise
      ? { draft: ["cancel"], running: ["cancel"], paused: ["cancel"] }
      : { draft: ["cancel"], running: ["pause", "cancel"], paused: ["resume", "cancel"] }
  )[state as "draft" | "running" | "paused"];
  const hidden = (
    <>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
    </>
  );

  return (
    <div className="stack">
      {state === "draft" && !isCentreExercise && (
        <LaunchExerciseForm
          action={launch}
          pending={launching}
          state={launchState}
          hidden={hidden}
          informedLabel={t("staffInformed")}
          launchLabel={t("launch")}
        />
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
