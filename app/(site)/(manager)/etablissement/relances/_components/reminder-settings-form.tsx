"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import type { ReminderSettingsValues } from "@/lib/reminders/reminder-settings";
import { updateReminderSettingsAction } from "../actions";

type Props = { organisationId: string; values: ReminderSettingsValues };

export function ReminderSettingsForm({ organisationId, values }: Props) {
  const t = useTranslations("reminders.settings");
  const [state, action, pending] = useActionState<FormState, FormData>(updateReminderSettingsAction, {});
  const errors = state.fieldErrors ?? {};
  const typed = state.typed ?? {};
  const described = (field: string) =>
    [`${field}-hint`, errors[field] ? `${field}-error` : ""].filter(Boolean).join(" ");

  return (
    <form action={action} className="form narrow" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            name="autoEnabled"
            defaultChecked={values.autoEnabled}
            aria-describedby="autoEnabled-hint"
          />{" "}
          {t("autoEnabled")}
        </label>
        <p id="autoEnabled-hint" className="hint">
          {t("autoHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="daysBefore">{t("daysBefore")}</label>
        <input
          id="daysBefore"
          name="daysBefore"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          required
          defaultValue={typed.daysBefore ?? values.daysBefore}
          aria-invalid={errors.daysBefore ? true : undefined}
          aria-describedby={described("daysBefore")}
        />
        <p id="daysBefore-hint" className="hint">
          {t("daysBeforeHint")}
        </p>
        <FieldError id="daysBefore-error" errors={errors.daysBefore} />
      </div>
      <div className="field">
        <label htmlFor="intervalDays">{t("intervalDays")}</label>
        <input
          id="intervalDays"
          name="intervalDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          required
          defaultValue={typed.intervalDays ?? values.intervalDays}
          aria-invalid={errors.intervalDays ? true : undefined}
          aria-describedby={described("intervalDays")}
        />
        <p id="intervalDays-hint" className="hint">
          {t("intervalHint")}
        </p>
        <FieldError id="intervalDays-error" errors={errors.intervalDays} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
