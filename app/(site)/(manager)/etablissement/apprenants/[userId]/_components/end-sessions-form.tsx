"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { endMemberSessionsAction } from "../actions";

/** Ends every session of the member; says how many ended, or that they are not found. */
export function EndSessionsForm({
  userId,
  organisationId,
  text,
}: {
  userId: string;
  organisationId: string;
  text: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(endMemberSessionsAction, {});

  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {text}
      </button>
      <FormOutcome ok={state.ok} message={state.message} look="inline" />
    </form>
  );
}
