"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { remindLearnersAction } from "../actions";
import { REMIND_FORM_ID } from "./remind-form-id";

type Props = { organisationId: string; lateCount: number; intervalDays: number };
type Pending = { scope: "selected" | "late"; count: number } | null;

/**
 * "Relancer": the ticked learners (checkboxes in the table belong to this form through their
 * form attribute) or every late learner, after a confirmation that takes the focus.
 */
export function RemindForm({ organisationId, lateCount, intervalDays }: Props) {
  const t = useTranslations("reminders.remind");
  const [state, action, sending] = useActionState<FormState, FormData>(remindLearnersAction, {});
  const [pending, setPending] = useState<Pending>(null);
  const [hint, setHint] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (pending) question.current?.focus();
  }, [pending]);
  // After a send, the confirmation closes and the ticks are cleared: those learners are dealt with.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the server action's answer closes the confirmation
    setPending(null);
    if (!state.ok || !form.current) return;
    for (const element of Array.from(form.current.elements))
      if (element instanceof HTMLInputElement && element.type === "checkbox") element.checked = false;
  }, [state]);

  const ask = (scope: "selected" | "late") => {
    const count = scope === "late" ? lateCount : new FormData(form.current!).getAll("userId").length;
    setHint(count === 0 ? t("noneSelected") : undefined);
    setPending(count === 0 ? null : { scope, count });
  };

  return (
    <form id={REMIND_FORM_ID} ref={form} action={action} className="remind-form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => ask("selected")} disabled={sending}>
          {t("selected")}
        </button>
        {lateCount > 0 && (
          <button type="button" className="button button--secondary" onClick={() => ask("late")} disabled={sending}>
            {t("allLate", { count: lateCount })}
          </button>
        )}
      </div>
      {pending && (
        <div className="card remind-confirm" role="group" aria-labelledby="relance-question">
          <p id="relance-question" ref={question} tabIndex={-1}>
            {pending.scope === "late"
              ? t("confirmAllLate", { count: pending.count, days: intervalDays })
              : t("confirm", { count: pending.count, days: intervalDays })}
          </p>
          <div className="toolbar">
            <button type="submit" name="scope" value={pending.scope} className="button" disabled={sending}>
              {t("send")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      <FormOutcome ok={state.ok && !hint} message={hint ?? state.message} />
    </form>
  );
}
