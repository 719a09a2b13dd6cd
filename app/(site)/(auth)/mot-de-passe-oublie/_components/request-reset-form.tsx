"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { requestReset } from "../actions";

export function RequestResetForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(requestReset, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormOutcome ok={state.ok} message={state.message} look="notice" />
      <TextField id="email" label={t("email")} errors={errors.email} type="email" autoComplete="email" required />
      <button type="submit" className="button" disabled={pending}>
        {t("reset.requestSubmit")}
      </button>
    </form>
  );
}
