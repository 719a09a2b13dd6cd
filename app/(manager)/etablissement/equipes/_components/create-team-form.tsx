"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createTeamAction } from "../actions";

export function CreateTeamForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("teams");
  const [state, action, pending] = useActionState<FormState, FormData>(createTeamAction, {});
  const errors = state.fieldErrors?.name;

  return (
    <form action={action} className="form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field">
        <label htmlFor="team-name">{t("name")}</label>
        <input id="team-name" name="name" type="text" required aria-invalid={errors ? true : undefined} aria-describedby={errors ? "team-name-error" : undefined} />
        <FieldError id="team-name-error" errors={errors} />
      </div>
      <button type="submit" className="button" disabled={pending}>{t("add")}</button>
      <p role="status" aria-live="polite" className={state.ok ? "form-notice" : state.message ? "form-message" : undefined}>
        {state.message}
      </p>
    </form>
  );
}
