"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { requestSignInLink } from "../actions";

export function MagicLinkForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<FormState, FormData>(requestSignInLink, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate aria-labelledby="magic-link-title">
      <FormOutcome ok={state.ok} message={state.message} look="notice" />
      <input type="hidden" name="retour" value={returnTo} />
      <TextField
        id="magic-email"
        name="email"
        label={t("email")}
        errors={errors.email}
        type="email"
        autoComplete="email"
        required
      />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? t("magicLink.submitting") : t("magicLink.submit")}
      </button>
    </form>
  );
}
