"use client";

import { useActionState } from "react";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createAssignmentAction } from "../actions";

type Option = { value: string; label: string };
export type AssignmentFormLabels = {
  subject: string;
  team: string;
  wholeEstablishment: string;
  dueOn: string;
  renewYearly: string;
  submit: string;
};
type Props = {
  organisationId: string;
  subjects: Option[];
  teams: Option[];
  minDate: string;
  labels: AssignmentFormLabels;
};

/** The root layout passes no messages of this namespace to the browser: the page hands the labels down. */

export function AssignmentForm({ organisationId, subjects, teams, minDate, labels }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAssignmentAction, {});
  const errors = state.fieldErrors ?? {};
  const described = (field: string, hint?: string) =>
    [errors[field] ? `${field}-error` : "", hint ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <form action={action} className="form narrow" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field">
        <label htmlFor="subject">{labels.subject}</label>
        <select
          id="subject"
          name="subject"
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={described("subject")}
        >
          {subjects.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError id="subject-error" errors={errors.subject} />
      </div>
      <div className="field">
        <label htmlFor="teamId">{labels.team}</label>
        <select id="teamId" name="teamId">
          <option value="">{labels.wholeEstablishment}</option>
          {teams.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dueOn">{labels.dueOn}</label>
        <input
          id="dueOn"
          name="dueOn"
          type="date"
          min={minDate}
          required
          aria-invalid={errors.dueOn ? true : undefined}
          aria-describedby={described("dueOn")}
        />
        <FieldError id="dueOn-error" errors={errors.dueOn} />
      </div>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" name="renewYearly" /> {labels.renewYearly}
        </label>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {labels.submit}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
