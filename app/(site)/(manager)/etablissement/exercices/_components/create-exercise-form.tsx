"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import { ExerciseWindowFields } from "@/app/_components/phishing/exercise-form-parts";
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
      />
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
