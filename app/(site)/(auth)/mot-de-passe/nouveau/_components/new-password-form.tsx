"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { chooseNewPassword } from "../actions";

const FIELDS = [
  { name: "password", label: "reset.newPassword" },
  { name: "confirmation", label: "reset.confirmPassword" },
] as const;

/** The new password, twice; the page passes the policy's length, whose home is lib/auth/password-policy.ts. */
export function NewPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(chooseNewPassword, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="jeton" value={token} />
      {FIELDS.map((field) => (
        <TextField
          key={field.name}
          id={field.name}
          label={t(field.label)}
          errors={errors[field.name]}
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
        />
      ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("reset.submitting") : t("reset.newSubmit")}
      </button>
    </form>
  );
}
