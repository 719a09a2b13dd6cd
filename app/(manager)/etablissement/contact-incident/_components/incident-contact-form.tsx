"use client";

import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import { type IncidentContactFormState, type IncidentContactValues, saveIncidentContact } from "../actions";

export type IncidentContactFormLabels = {
  name: string;
  nameHint: string;
  phone: string;
  phoneHint: string;
  email: string;
  submit: string;
  submitting: string;
};

type Props = { organisationId: string; initial: IncidentContactValues; labels: IncidentContactFormLabels };

const FIELDS = [
  { key: "name", type: "text", inputMode: undefined, autoComplete: "name", hint: "nameHint" },
  { key: "phone", type: "text", inputMode: "tel", autoComplete: "tel", hint: "phoneHint" },
  { key: "email", type: "email", inputMode: undefined, autoComplete: "email", hint: undefined },
] as const;

export function IncidentContactForm({ organisationId, initial, labels }: Props) {
  const [state, action, pending] = useActionState<IncidentContactFormState, FormData>(saveIncidentContact, {});
  const errors = state.fieldErrors ?? {};
  // React resets the form after each submission, to these values: what was just sent, else what is stored.
  const values = state.values ?? initial;

  return (
    <form action={action} className="form" noValidate>
      <div>
        <FormMessage message={state.ok ? undefined : state.message} />
        <div role="status" aria-live="polite">
          {state.ok && <p className="callout">{state.message}</p>}
        </div>
      </div>
      <input type="hidden" name="organisationId" value={organisationId} />
      {FIELDS.map(({ key, type, inputMode, autoComplete, hint }) => {
        const describedBy = [hint && `${key}-hint`, errors[key] && `${key}-error`].filter(Boolean).join(" ");

        return (
          <div key={key} className="field">
            <label htmlFor={key}>{labels[key]}</label>
            {hint && (
              <span id={`${key}-hint`} className="hint">
                {labels[hint]}
              </span>
            )}
            <input
              id={key}
              name={key}
              type={type}
              inputMode={inputMode}
              autoComplete={autoComplete}
              defaultValue={values[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            <FieldError id={`${key}-error`} errors={errors[key]} />
          </div>
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
