"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";
import { setLearnerActiveAction } from "../actions";

/** Deactivates or reactivates the learner; a refusal (someone else's learner) says so. */
export function LearnerAccessForm({ userId, isActive, text }: { userId: string; isActive: boolean; text: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setLearnerActiveAction, {});

  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={String(!isActive)} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {text}
      </button>
      <p role="status" aria-live="polite" className={state.message ? "field-error" : undefined}>
        {state.message}
      </p>
    </form>
  );
}
