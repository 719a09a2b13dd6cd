"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { erasePersonAction } from "../actions";

export function EraseForm({ email }: { email: string }) {
  const t = useTranslations("privacyAdmin");
  const [state, action, pending] = useActionState<FormState, FormData>(erasePersonAction, {});
  const errors = state.fieldErrors?.confirmation;

  return (
    <form action={action} className="form">
      <input type="hidden" name="email" value={email} />
      <div className="field">
        <label htmlFor="confirmation">{t("confirmLabel")}</label>
        <input
          id="confirmation"
          name="confirmation"
          type="text"
          autoComplete="off"
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "confirmation-error" : undefined}
        />
        <FieldError id="confirmation-error" errors={errors} />
      </div>
      <button type="submit" className="button" disabled={pending || state.ok}>
        {t("erase")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} reauthenticate={state.reauthenticate} look="notice" />
    </form>
  );
}
