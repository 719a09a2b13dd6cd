"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { signInWithPassword } from "../actions";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(signInWithPassword, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="retour" value={returnTo} />
      <TextField
        id="email"
        label={t("identifier")}
        hint={t("identifierHint")}
        errors={errors.email}
        type="text"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <TextField
        id="password"
        label={t("password")}
        errors={errors.password}
        type="password"
        autoComplete="current-password"
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
