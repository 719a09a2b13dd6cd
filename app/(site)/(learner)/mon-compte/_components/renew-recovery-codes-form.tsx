"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type RecoveryCodesState, renewRecoveryCodesAction } from "@/app/(site)/(auth)/double-authentification/actions";
import { RecoveryCodes } from "@/app/_components/recovery-codes";
import { FormMessage, TextField } from "@/app/_components/form-feedback";

/** Ten new recovery codes, confirmed with a current code; shown once. */
export function RenewRecoveryCodesForm() {
  const t = useTranslations("secondFactor.account");
  const [state, action, pending] = useActionState<RecoveryCodesState, FormData>(renewRecoveryCodesAction, {});
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <TextField
        id="renew-code"
        name="code"
        label={t("renewHint")}
        errors={state.message ? [state.message] : undefined}
        type="text"
        autoComplete="one-time-code"
        maxLength={40}
        required
      />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? t("renewing") : t("renew")}
      </button>
    </form>
  );
}
