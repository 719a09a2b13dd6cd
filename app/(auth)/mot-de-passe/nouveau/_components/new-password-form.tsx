"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { chooseNewPassword } from "../actions";

const FIELDS = [
  { name: "password", label: "reset.newPassword" },
  { name: "confirmation", label: "reset.confirmPassword" },
] as const;

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(chooseNewPassword, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="jeton" value={token} />
      {FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={field.name}>{t(field.label)}</label>
          <input
            id={field.name}
            name={field.name}
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
          />
          <FieldError id={`${field.name}-error`} errors={errors[field.name]} />
        </div>
      ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("reset.submitting") : t("reset.newSubmit")}
      </button>
    </form>
  );
}
