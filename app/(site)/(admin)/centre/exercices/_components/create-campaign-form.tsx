"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import { ExerciseWindowFields } from "@/app/_components/phishing/exercise-form-parts";
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
      <ExerciseWindowFields
        labels={{
          windowStartsOn: t("windowStartsOn"),
          workingDays: t("workingDays"),
          workingDaysHint: t("workingDaysHint"),
          assignModuleOnClick: t("assignModuleOnClick"),
        }}
        errors={errors}
        typed={typed}
        today={today}
        described={described}
        idPrefix="campaign-"
      />
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
