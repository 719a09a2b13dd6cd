"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { deleteAssignmentAction } from "../actions";

export function DeleteAssignmentForm({
  assignmentId,
  label,
  text,
}: {
  assignmentId: string;
  label: string;
  text: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteAssignmentAction, {});

  return (
    <form action={action}>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        {text}
        <span className="visually-hidden"> — {label}</span>
      </button>
      <FormOutcome ok={state.ok} message={state.message} look="inline" />
    </form>
  );
}
