"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { revokeCertificateAction } from "../actions";

export function RevokeForm({ certificateId, label }: { certificateId: string; label: string }) {
  const t = useTranslations("managerCertificates");
  const [state, action, pending] = useActionState<FormState, FormData>(revokeCertificateAction, {});
  const reasonId = `reason-${certificateId}`;
  const errors = state.fieldErrors?.reason;
  const confirmErrors = state.fieldErrors?.confirm;

  return (
    <form action={action} className="revoke-form">
      <input type="hidden" name="certificateId" value={certificateId} />
      <div className="field">
        <label htmlFor={reasonId}>{t("reason", { label })}</label>
        <input
          id={reasonId}
          name="reason"
          type="text"
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${reasonId}-error` : undefined}
        />
        <FieldError id={`${reasonId}-error`} errors={errors} />
      </div>
      <div className="field field--checkbox">
        <input id={`${reasonId}-public`} name="publishReason" type="checkbox" />
        <label htmlFor={`${reasonId}-public`}>{t("publishReason")}</label>
      </div>
      <div className="field field--checkbox">
        <input
          id={`${reasonId}-confirm`}
          name="confirm"
          type="checkbox"
          required
          aria-invalid={confirmErrors ? true : undefined}
          aria-describedby={confirmErrors ? `${reasonId}-confirm-error` : undefined}
        />
        <label htmlFor={`${reasonId}-confirm`}>{t("confirm")}</label>
        <FieldError id={`${reasonId}-confirm-error`} errors={confirmErrors} />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("revoke")}
        <span className="visually-hidden"> — {label}</span>
      </button>
      <FormOutcome ok={state.ok} message={state.fieldErrors ? undefined : state.message} look="inline" />
    </form>
  );
}
