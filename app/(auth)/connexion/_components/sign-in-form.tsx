"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
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
      <div className="field">
        <label htmlFor="email">{t("identifier")}</label>
        <p id="email-hint" className="hint">{t("identifierHint")}</p>
        <input
          id="email"
          name="email"
          type="text"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-hint email-error" : "email-hint"}
        />
        <FieldError id="email-error" errors={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" errors={errors.password} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
