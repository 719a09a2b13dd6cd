"use client";

import { type ReactNode, useId } from "react";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { WORKING_DAYS } from "@/lib/phishing/exercise-window";

/** The texts of the window fields, in the namespace of the page that shows them. */
export type WindowFieldLabels = {
  windowStartsOn: string;
  workingDays: string;
  workingDaysHint: string;
  assignModuleOnClick: string;
};

/**
 * An exercise's window and its module option, as an establishment's and a centre's exercise ask
 * for them: the first day (today at the earliest), the working days (WORKING_DAYS), the module on a click.
 * `idPrefix` keeps the ids apart from other forms of the same page.
 */
export function ExerciseWindowFields({
  labels,
  errors,
  typed,
  today,
  described,
  idPrefix = "",
}: {
  labels: WindowFieldLabels;
  errors: Record<string, string[] | undefined>;
  typed: Record<string, string | undefined>;
  today: string;
  described: (field: string, hint?: boolean) => string | undefined;
  idPrefix?: string;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}windowStartsOn`}>{labels.windowStartsOn}</label>
        <input
          id={`${idPrefix}windowStartsOn`}
          name="windowStartsOn"
          type="date"
          min={today}
          required
          defaultValue={typed.windowStartsOn ?? today}
          aria-invalid={errors.windowStartsOn ? true : undefined}
          aria-describedby={described("windowStartsOn")}
        />
        <FieldError id="windowStartsOn-error" errors={errors.windowStartsOn} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}workingDays`}>{labels.workingDays}</label>
        <input
          id={`${idPrefix}workingDays`}
          name="workingDays"
          type="number"
          inputMode="numeric"
          min={WORKING_DAYS.min}
          max={WORKING_DAYS.max}
          required
          defaultValue={typed.workingDays ?? 5}
          aria-invalid={errors.workingDays ? true : undefined}
          aria-describedby={described("workingDays", true)}
        />
        <p id="workingDays-hint" className="hint">
          {labels.workingDaysHint}
        </p>
        <FieldError id="workingDays-error" errors={errors.workingDays} />
      </div>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" name="assignModuleOnClick" defaultChecked /> {labels.assignModuleOnClick}
        </label>
      </div>
    </>
  );
}

/**
 * The launch of an exercise (an establishment's or a centre's): the box saying staff were told
 * beforehand, which the server requires, then the button and the outcome.
 */
export function LaunchExerciseForm({
  action,
  pending,
  state,
  hidden,
  informedLabel,
  launchLabel,
}: {
  action: (formData: FormData) => void;
  pending: boolean;
  state: FormState;
  /** The hidden inputs naming the exercise. */
  hidden: ReactNode;
  informedLabel: string;
  launchLabel: string;
}) {
  const id = useId();
  const informedError = state.fieldErrors?.staffInformed;

  return (
    <form action={action} noValidate>
      {hidden}
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            name="staffInformed"
            aria-invalid={informedError ? true : undefined}
            aria-describedby={informedError ? `${id}-informed-error` : undefined}
          />{" "}
          {informedLabel}
        </label>
        <FieldError id={`${id}-informed-error`} errors={informedError} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {launchLabel}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
