"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import { type RecoveryCodesState, confirmEnrolmentAction } from "../../actions";
import { RecoveryCodes } from "@/app/_components/recovery-codes";

/** The first code that turns the second factor on; then the recovery codes, shown once. */
export function EnrolForm({ pending, returnTo }: { pending: string; returnTo: string }) {
  const t = useTranslations("secondFactor.enrol");
  const [state, action, isPending] = useActionState<RecoveryCodesState, FormData>(confirmEnrolmentAction, {});
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} continueTo={returnTo} />;

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="pending" value={pending} />
      <TextField
        id="code"
        label={t("code")}
        errors={state.message ? [state.message] : undefined}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        required
      />
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
