"use client";

import { useActionState } from "react";
import { FormOutcome, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields the action needs (the member and the establishment, for a manager). */
  fields?: Record<string, string>;
  name: string;
  text: { label: string; hint: string; submit: string };
};

/** Corrects a person's name: the field keeps what was typed after a refusal, every error tied to it. */
export function RenameForm({ action, fields = {}, name, text }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});

  return (
    <form action={formAction} className="form">
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <TextField
        id="name"
        label={text.label}
        hint={text.hint}
        errors={state.fieldErrors?.name}
        defaultValue={state.typed?.name ?? name}
        key={state.typed?.name ?? name}
        required
        autoComplete="name"
      />
      <button type="submit" className="button" disabled={pending}>
        {text.submit}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
