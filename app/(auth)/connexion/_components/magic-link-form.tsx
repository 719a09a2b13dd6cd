"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { requestSignInLink } from "../actions";

export function MagicLinkForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(requestSignInLink, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate aria-labelledby="magic-link-title">
      <FormMessage message={state.ok ? undefined : state.message} />
      <p role="status" className={state.ok ? "form-notice" : undefined}>
        {state.ok ? state.message : null}
      </p>
      <input type="hidden" name="retour" value={returnTo} />
      <div className="field">
        <label htmlFor="magic-email">{t("email")}</label>
        <input
          id="magic-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "magic-email-error" : undefined}
        />
        <FieldError id="magic-email-error" errors={errors.email} />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? t("magicLink.submitting") : t("magicLink.submit")}
      </button>
    </form>
  );
}
