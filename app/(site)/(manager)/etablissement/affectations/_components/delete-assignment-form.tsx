"use client";

import { useActionState } from "react";
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
      <p role="status" aria-live="polite" className={state.ok ? "hint" : "field-error"}>
        {state.message}
      </p>
    </form>
  );
}
