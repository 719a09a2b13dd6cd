"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { setIndividualResultsAction } from "../actions";

type Props = {
  organisationId: string;
  enabled: boolean;
  text: { enabled: string; enabledHint: string; submit: string };
};

/** The establishment's choice: managers see individual exercise results, or services only. */
export function IndividualResultsForm({ organisationId, enabled, text }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(setIndividualResultsAction, {});

  return (
    <form action={action} className="form narrow" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" name="enabled" defaultChecked={enabled} aria-describedby="enabled-hint" />{" "}
          {text.enabled}
        </label>
        <p id="enabled-hint" className="hint">
          {text.enabledHint}
        </p>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {text.submit}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
