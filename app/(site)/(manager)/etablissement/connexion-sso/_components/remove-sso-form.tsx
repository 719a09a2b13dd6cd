"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { removeSso } from "../actions";

/** Removing the settings takes a ticked box, so a stray click or Enter key removes nothing. */
export function RemoveSsoForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("sso.settings");
  const [state, action, pending] = useActionState<FormState, FormData>(removeSso, {});
  const error = state.fieldErrors?.confirm;

  return (
    <form action={action} className="form">
      <FormMessage
        message={state.ok || error ? undefined : state.message}
        reauthenticate={state.ok || error ? undefined : state.reauthenticate}
      />
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field field--checkbox">
        <input
          id="confirm-remove"
          name="confirm"
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "confirm-remove-error" : undefined}
        />
        <label htmlFor="confirm-remove">{t("removeConfirm")}</label>
      </div>
      <FieldError id="confirm-remove-error" errors={error} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("removeSubmit")}
      </button>
    </form>
  );
}
