"use client";

import { useActionState } from "react";
import { FormOutcome, TextField } from "@/app/_components/form-feedback";
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
      <FormOutcome ok={state.ok} message={state.message} />
      <input type="hidden" name="organisationId" value={organisationId} />
      {FIELDS.map(({ key, type, inputMode, autoComplete, hint }) => (
        <TextField
          key={key}
          id={key}
          label={labels[key]}
          hint={hint && labels[hint]}
          errors={errors[key]}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          defaultValue={values[key]}
        />
      ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
