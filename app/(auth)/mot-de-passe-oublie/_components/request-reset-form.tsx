"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { requestReset } from "../actions";

export function RequestResetForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(requestReset, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.ok ? undefined : state.message} />
      <p role="status" className={state.ok ? "form-notice" : undefined}>
        {state.ok ? state.message : null}
      </p>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" errors={errors.email} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("reset.requestSubmit")}
      </button>
    </form>
  );
}
