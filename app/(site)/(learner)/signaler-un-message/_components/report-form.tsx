"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import { type ReportFormState, reportSuspectMessageAction } from "../actions";

/** The pasted link or message; what comes back is shown in live regions, the text is never echoed as HTML. */
export function ReportForm() {
  const t = useTranslations("suspectReport");
  const [state, action, pending] = useActionState<ReportFormState, FormData>(reportSuspectMessageAction, {});
  const errors = state.fieldErrors?.message;
  const describedBy = ["message-hint", errors ? "message-error" : ""].filter(Boolean).join(" ");

  return (
    <form action={action} className="form narrow" noValidate>
      <div className="field">
        <label htmlFor="message">{t("label")}</label>
        <p id="message-hint" className="hint">
          {t("hint")}
        </p>
        <textarea
          id="message"
          name="message"
          rows={10}
          required
          spellCheck={false}
          defaultValue={state.ok ? "" : (state.typed?.message ?? "")}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy}
        />
        <FieldError id="message-error" errors={errors} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <FormOutcome ok={state.ok} message={state.message}>
        {state.noContact && (
          <>
            {" "}
            <Link href="/signaler-un-incident">{t("incidentLink")}</Link>.
          </>
        )}
      </FormOutcome>
    </form>
  );
}
