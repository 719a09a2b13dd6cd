"use client";

import { type ReactNode, useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { removePersonalAssignmentAction } from "../actions";

/**
 * One person's own assignment with its « Retirer » button. Once removed, the line gives way to the
 * message, in a live region that was already on the page so that screen readers announce it.
 */
export function PersonalAssignment({
  assignmentId,
  organisationId,
  label,
  text,
  children,
}: {
  assignmentId: string;
  organisationId: string;
  /** Says which assignment the button removes, for screen readers. */
  label: string;
  text: string;
  children: ReactNode;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(removePersonalAssignmentAction, {});

  return (
    <>
      {!state.ok && (
        <>
          {children}
          <form action={action}>
            <input type="hidden" name="assignmentId" value={assignmentId} />
            <input type="hidden" name="organisationId" value={organisationId} />
            <button type="submit" className="button button--quiet" disabled={pending}>
              {text}
              <span className="visually-hidden"> — {label}</span>
            </button>
          </form>
        </>
      )}
      <FormOutcome ok={state.ok} message={state.message} look="inline" />
    </>
  );
}
