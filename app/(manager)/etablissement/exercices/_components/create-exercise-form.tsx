"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createExerciseAction } from "../actions";

type Props = {
  organisationId: string;
  scenarios: { id: string; label: string }[];
  teams: { id: string; name: string }[];
  today: string;
};

export function CreateExerciseForm({ organisationId, scenarios, teams, today }: Props) {
  const t = useTranslations("phishingExercises");
  const [state, action, pending] = useActionState<FormState, FormData>(createExerciseAction, {});
  const errors = state.fieldErrors ?? {};
  const typed = state.typed ?? {};
  const described = (field: string, hint = false) =>
    [hint ? `${field}-hint` : "", errors[field] ? `${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <form action={action} className="form narrow" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field">
        <label htmlFor="scenarioId">{t("scenario")}</label>
        <select
          id="scenarioId"
          name="scenarioId"
          required
          defaultValue={typed.scenarioId ?? scenarios[0]?.id}
          aria-invalid={errors.scenarioId ? true : undefined}
          aria-describedby={described("scenarioId")}
        >
          {scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.label}
            </option>
          ))}
        </select>
        <FieldError id="scenarioId-error" errors={errors.scenarioId} />
      </div>
      {teams.length > 0 && (
        <fieldset className="field" aria-describedby={described("teamIds", true)}>
          <legend>{t("teams")}</legend>
          <p id="teamIds-hint" className="hint">
            {t("teamsHint")}
          </p>
          {teams.map((team) => (
            <label key={team.id} className="field--checkbox">
              <input type="checkbox" name="teamIds" value={team.id} /> {team.name}
            </label>
          ))}
          <FieldError id="teamIds-error" errors={errors.teamIds} />
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="windowStartsOn">{t("windowStartsOn")}</label>
        <input
          id="windowStartsOn"
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
        <label htmlFor="workingDays">{t("workingDays")}</label>
        <input
          id="workingDays"
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
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
