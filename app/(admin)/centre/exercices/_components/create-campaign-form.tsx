"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createCampaignAction } from "../actions";

type Props = {
  establishments: { id: string; name: string }[];
  scenarios: { id: string; label: string }[];
  today: string;
};

/** The centre exercise's settings: which establishments (all ticked to begin with), scenario, window. */
export function CreateCampaignForm({ establishments, scenarios, today }: Props) {
  const t = useTranslations("phishingCampaigns");
  const [state, action, pending] = useActionState<FormState, FormData>(createCampaignAction, {});
  const errors = state.fieldErrors ?? {};
  const typed = state.typed ?? {};
  const described = (field: string, hint = false) =>
    [hint ? `${field}-hint` : "", errors[field] ? `${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <form action={action} className="form narrow" noValidate>
      <fieldset className="field" aria-describedby={described("organisationIds", true)}>
        <legend>{t("establishments")}</legend>
        <p id="organisationIds-hint" className="hint">
          {t("establishmentsHint")}
        </p>
        {establishments.map((establishment) => (
          <label key={establishment.id} className="field--checkbox">
            <input type="checkbox" name="organisationIds" value={establishment.id} defaultChecked />{" "}
            {establishment.name}
          </label>
        ))}
        <FieldError id="organisationIds-error" errors={errors.organisationIds} />
      </fieldset>
      <div className="field">
        <label htmlFor="campaign-scenarioId">{t("columns.scenario")}</label>
        <select
          id="campaign-scenarioId"
          name="scenarioId"
          required
          defaultValue={typed.scenarioId ?? scenarios[0]?.id}
          aria-invalid={errors.scenarioId ? true : undefined}
          aria-describedby={errors.scenarioId ? "scenarioId-error" : undefined}
        >
          {scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.label}
            </option>
          ))}
        </select>
        <FieldError id="scenarioId-error" errors={errors.scenarioId} />
      </div>
      <WindowFields errors={errors} typed={typed} today={today} described={described} />
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
      {state.ok ? (
        <p role="status" aria-live="polite" className="hint">
          {state.message}
        </p>
      ) : (
        <FormMessage message={state.message} />
      )}
    </form>
  );
}

function WindowFields({
  errors,
  typed,
  today,
  described,
}: {
  errors: Record<string, string[]>;
  typed: Record<string, string>;
  today: string;
  described: (field: string, hint?: boolean) => string | undefined;
}) {
  const t = useTranslations("phishingCampaigns");

  return (
    <>
      <div className="field">
        <label htmlFor="campaign-windowStartsOn">{t("windowStartsOn")}</label>
        <input
          id="campaign-windowStartsOn"
          name="windowStartsOn"
          type="date"
          min={today}
          required
          defaultValue={typed.windowStartsOn ?? today}
          aria-invalid={errors.windowStartsOn ? true : undefined}
          aria-describedby={described("windowStartsOn")}
        />
        <FieldError id="windowStartsOn-error" errors={errors.windowStartsOn} />
      </div>
      <div className="field">
        <label htmlFor="campaign-workingDays">{t("workingDays")}</label>
        <input
          id="campaign-workingDays"
          name="workingDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          required
          defaultValue={typed.workingDays ?? 5}
          aria-invalid={errors.workingDays ? true : undefined}
          aria-describedby={described("workingDays", true)}
        />
        <p id="workingDays-hint" className="hint">
          {t("workingDaysHint")}
        </p>
        <FieldError id="workingDays-error" errors={errors.workingDays} />
      </div>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" name="assignModuleOnClick" defaultChecked /> {t("assignModuleOnClick")}
        </label>
      </div>
    </>
  );
}
